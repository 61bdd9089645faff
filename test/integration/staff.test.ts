// Employment-centre staff through the bot: the queue, the applicant card, every action and its
// refusals, the seeker's notifications, authorization across two centres, the last place.
import { KYZYLORDA_CITY, MEDEU, ZHETYSU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../src/services/applications.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import { formatNumber } from "../../src/presentation/format.js";
import { actOnApplication } from "../../src/services/referrals.js";
import { referralNumber } from "../../src/domain/referral.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, shownTexts } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date("2021-06-01T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let staff: Person;
let otherStaff: Person;
let project: Awaited<ReturnType<typeof addProject>>;
let almatyCode: string;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW, jobs: true }));
  project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Школа № 9",
    lat: 43.25,
    lon: 76.92,
    positions: [
      { code: "mason", count: 20, wage: 150_000 },
      { code: "welder", count: 3 },
    ],
  });
  staff = harness.person({ firstName: "Гүлнар" });
  otherStaff = harness.person({ firstName: "Ерлан" });
  await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района")).id);
  await makeStaff(database.db, otherStaff, (await addCentre(database.db, [ZHETYSU], "ЦЗН Жетысуского района")).id);
  almatyCode = (await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU }, include: { region: true } }))
    .region.code;
});
afterAll(() => closeTestBot({ database, harness }));

const position = (code: string) => project.positions.find((p) => p.professionId === professionIds.get(code))!.id;
let professionIds: Map<string, number>;

async function applicant(
  options: {
    birth?: string;
    century?: 3 | 4 | 5 | 6;
    status?: "job_seeker" | "registered_unemployed";
    home?: string;
    code?: string;
    at?: Date;
    professions?: string[];
  } = {},
) {
  professionIds ??= new Map((await database.db.profession.findMany()).map((p) => [p.code, p.id]));
  const person = harness.person();
  const iin = makeIin(options.birth ?? "800101", options.century ?? 3);
  const professions = options.professions
    ? { anyWork: false, professionIds: options.professions.map((code) => professionIds.get(code)!) }
    : {};
  const user = await registerSeeker(database.store, person, {
    iin,
    districtKato: options.home ?? MEDEU,
    status: options.status ?? "job_seeker",
    fullName: `Заявитель ${person.id}`,
    ...professions,
  });
  const { application } = await submitApplication(
    database.store,
    user.id,
    position(options.code ?? "mason"),
    options.at ?? NOW,
  );
  return { person, iin, user, application: application! };
}

async function openStaffCard(who: Person, applicationId: number) {
  return (await who.pressData(`stf:a:${applicationId}`)).filter((r) => r.method === "editMessageText");
}

describe("the staff queue", () => {
  it("orders the priority group first, then by time", async () => {
    const older = await applicant({ at: new Date("2021-05-01T08:00:00Z") }); // 41, general
    const youth = await applicant({
      birth: "000101",
      century: 5,
      status: "registered_unemployed",
      at: new Date("2021-05-20T08:00:00Z"),
    }); // 21, unemployed youth
    await staff.send(harness.t("ru", "menu.staff"));
    const [title, ...rest] = await staff
      .pressData("stf:q:1:all:0")
      .then((r) => r.filter((x) => x.method === "editMessageText"));
    expect(rest).toHaveLength(0);
    const numbers = title!.buttons.map(([label]) => label).filter((label) => label.includes("Z-"));
    expect(numbers[0]).toContain(`⭐ ${youth.application.number}`);
    expect(numbers[1]).toContain(older.application.number);
    expect(title!.text).toContain(harness.t("ru", "staff:queue.status.all"));
  });

  it("shows the applicant card with a masked IIN, and the whole IIN only through an audited button", async () => {
    const { application, iin, person } = await applicant({ code: "welder" });
    const [card] = await openStaffCard(staff, application.id);
    const home = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU }, include: { region: true } });
    expect(card!.text).toContain(
      harness.t("ru", "staff:card.person", {
        name: `Заявитель ${person.id}`,
        age: 41,
        status: harness.t("ru", "seeker:status.job_seeker"),
        flags: "—",
        district: `${home.nameRu}, ${home.region.nameRu}`,
        professions: harness.t("ru", "seeker:profile.any_work"),
        relocate: harness.t("ru", "answer.yes"),
        phone: "+77010000000",
        iin: `••••••••${iin.slice(-4)}`,
      }),
    );
    expect(card!.text).not.toContain(iin);
    expect(card!.buttons.map(([, data]) => data)).toEqual(
      expect.arrayContaining([`stf:ref:${application.id}`, `stf:rej:${application.id}`, `stf:iin:${application.id}`]),
    );

    const [shown] = await staff.pressData(`stf:iin:${application.id}`).then(shownTexts);
    expect(shown).toBe(harness.t("ru", "staff:card.iin", { iin }));
    const entries = await database.db.auditLog.findMany({ where: { action: "show_iin" } });
    expect(entries).toHaveLength(1);
  });

  it("issues a referral numbered per region and year, and the seeker is told with the centre's address", async () => {
    const { person, application } = await applicant();
    const replies = await staff.pressData(`stf:ref:${application.id}`).then(shownTexts);
    const row = await database.db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.status).toBe("referred");
    expect(row.referralNumber).toMatch(new RegExp(`^${almatyCode}-2021-\\d{6}$`));
    expect(replies[0]).toBe(harness.t("ru", "staff:done.refer", { referral: row.referralNumber }));
    const audit = await database.db.auditLog.findFirstOrThrow({
      where: { action: "refer", entityId: String(application.id) },
    });
    expect(audit.before).toEqual({ status: "submitted" });
    expect(audit.after).toMatchObject({ status: "referred", referralNumber: row.referralNumber });
    const events = await database.db.applicationEvent.findMany({
      where: { applicationId: application.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.status)).toEqual(["submitted", "referred"]);

    expect(await harness.flushNotifications()).toContain("sent");
    const told = person
      .sentToMe()
      .map((r) => r.text)
      .find((text) => text.includes(row.referralNumber!));
    expect(told).toContain("пр. Абая, 10");
    expect(told).toContain("ТОО «Школа № 9-Строй»");
  });

  it("numbers a region's referrals of the year one after another, as the domain writes them, past six digits too", async () => {
    const region = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    const refer = async () => {
      const { application } = await applicant();
      await staff.pressData(`stf:ref:${application.id}`);
      return (await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).referralNumber;
    };
    const counter = { regionId_year: { regionId: region.regionId, year: 2021 } };
    const { last } = await database.db.referralCounter.findUniqueOrThrow({ where: counter });
    expect(await refer()).toBe(referralNumber(almatyCode, 2021, last + 1));
    await database.db.referralCounter.update({ where: counter, data: { last: 999_999 } });
    expect(await refer()).toBe(referralNumber(almatyCode, 2021, 1_000_000));
    expect(await refer()).toBe(`${almatyCode}-2021-1000001`);
  });

  it("records a hire of someone from the same city without the relocation allowance", async () => {
    const { application } = await applicant({ home: ZHETYSU }); // another district of Almaty: one settlement
    await staff.pressData(`stf:ref:${application.id}`);
    await staff.pressData(`stf:hire:${application.id}`);
    await staff.send("01.06.2021");
    const [done] = shownTexts(await staff.send("150 000"));
    expect(done).toContain(harness.t("ru", "staff:done.hire"));
    expect(done).not.toContain(
      harness.t("ru", "staff:done.relocation_due", { allowance: formatNumber(85_000, "ru"), days: 3 }),
    );
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).relocated).toBe(false);
  });

  it("records a hire only at two minimum wages or more, and reminds of the relocation allowance for someone from another settlement", async () => {
    const { person, application } = await applicant({ home: KYZYLORDA_CITY });
    await staff.pressData(`stf:ref:${application.id}`);
    await staff.pressData(`stf:hire:${application.id}`);
    expect(shownTexts(await staff.send("31.02.2021"))[0]).toBe(harness.t("ru", "staff:typed.invalid.contract_date"));
    await staff.send("02.06.2021"); // tomorrow
    expect(shownTexts(await staff.send("150 000"))).toEqual([
      harness.t("ru", "staff:refusal.bad_contract_date"),
      harness.t("ru", "staff:typed.ask.contract_date"),
    ]);
    await staff.send("01.06.2021");
    const [refusal] = shownTexts(await staff.send("84 000"));
    expect(refusal).toBe(harness.t("ru", "staff:refusal.wage_below_floor", { floor: formatNumber(85_000, "ru") }));
    const [done] = shownTexts(await staff.send("150 000"));
    expect(done).toContain(harness.t("ru", "staff:done.hire"));
    expect(done).toContain(
      harness.t("ru", "staff:done.relocation_due", { allowance: formatNumber(85_000, "ru"), days: 3 }),
    );
    const row = await database.db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({
      status: "hired",
      wage: 150_000,
      relocated: true,
      contractDate: new Date("2021-06-01"),
    });
    expect(row.hiredAt).not.toBeNull();
    await harness.flushAll();
    expect(person.sentToMe().some((r) => r.text.startsWith("🎉"))).toBe(true);
  });

  it("lists the applicant's professions on the card", async () => {
    const { application } = await applicant({ professions: ["welder", "mason"] });
    const [card] = await openStaffCard(staff, application.id);
    const names = await database.db.profession.findMany({
      where: { code: { in: ["welder", "mason"] } },
      orderBy: { id: "asc" },
    });
    expect(names).toHaveLength(2);
    expect(card!.text).toContain(names.map((p) => p.nameRu).join(", "));
  });

  it("refuses a typed answer once the application is out of the staff member's reach, and changes nothing", async () => {
    const { application } = await applicant();
    const leaving = harness.person({ firstName: "Асель" });
    const user = await makeStaff(
      database.db,
      leaving,
      (await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района (2)")).id,
    );
    expect(shownTexts(await leaving.pressData(`stf:rr:${application.id}:other`))).toContain(
      harness.t("ru", "staff:typed.ask.note"),
    );
    await database.db.staffMembership.deleteMany({ where: { userId: user.id } }); // moved to another job meanwhile
    expect(shownTexts(await leaving.send("Нет медицинской справки"))).toEqual([harness.t("ru", "errors.not_allowed")]);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
    expect(await database.db.auditLog.count({ where: { actorUserId: user.id, action: "refused" } })).toBe(1);
  });

  it("rejects with a reason from the list or a typed one, and the seeker reads it", async () => {
    const first = await applicant();
    await staff.pressData(`stf:rej:${first.application.id}`);
    await staff.pressData(`stf:rr:${first.application.id}:requirements`);
    expect(await database.db.application.findUniqueOrThrow({ where: { id: first.application.id } })).toMatchObject({
      status: "rejected",
      rejectReason: "requirements",
    });

    const second = await applicant();
    await staff.pressData(`stf:rr:${second.application.id}:other`);
    expect(shownTexts(await staff.send("ok"))[0]).toBe(harness.t("ru", "staff:typed.invalid.note"));
    await staff.send("Нет медицинской справки");
    expect(await database.db.application.findUniqueOrThrow({ where: { id: second.application.id } })).toMatchObject({
      status: "rejected",
      rejectNote: "Нет медицинской справки",
    });
    await harness.flushAll();
    expect(first.person.sentToMe().at(-1)!.text).toContain(harness.t("ru", "staff:reject_reason.requirements"));
    expect(second.person.sentToMe().at(-1)!.text).toContain("Нет медицинской справки");
  });

  it("frees the place when a referred person does not show up, and refuses actions the status no longer allows", async () => {
    const { application } = await applicant({ code: "welder" });
    const { positionId } = await database.db.application.findUniqueOrThrow({ where: { id: application.id } });
    const taken = async () => (await database.db.position.findUniqueOrThrow({ where: { id: positionId } })).taken;
    const before = await taken();
    await staff.pressData(`stf:ref:${application.id}`);
    expect(await taken()).toBe(before + 1);
    await staff.pressData(`stf:ns:${application.id}`);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("no_show");
    expect(await taken()).toBe(before);
    expect(shownTexts(await staff.pressData(`stf:ref:${application.id}`))[0]).toBe(
      harness.t("ru", "staff:refusal.wrong_status"),
    );
  });
});

describe("authorization", () => {
  it("refuses another centre's staff, whatever callback data they send, and changes nothing", async () => {
    const { application } = await applicant();
    for (const data of [
      `stf:a:${application.id}`,
      `stf:ref:${application.id}`,
      `stf:iin:${application.id}`,
      `stf:rr:${application.id}:requirements`,
    ]) {
      expect(shownTexts(await otherStaff.pressData(data))).toEqual([harness.t("ru", "errors.not_allowed")]);
    }
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
    // Their queue is shown (not refused), and the application is not in it.
    const queue = await otherStaff.pressData("stf:q:1:all:0");
    const [queueText] = shownTexts(queue);
    const filter = harness.t("ru", "staff:queue.status.all");
    expect([
      harness.t("ru", "staff:queue.empty", { filter }),
      expect.stringMatching(/^Заявки \(действующие\): \d+\./),
    ]).toContainEqual(queueText);
    expect(queue.flatMap((r) => r.buttons).some(([label]) => label.includes(application.number))).toBe(false);
  });

  it("refuses staff buttons to someone who is not staff, and keeps the attempt in the audit log", async () => {
    const { application } = await applicant();
    const stranger = await harness.readyPerson();
    const replies = await stranger.pressData(`stf:ref:${application.id}`);
    expect(shownTexts(replies)).toEqual([harness.t("ru", "errors.not_allowed")]);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "submitted",
    );
    const strangerUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(stranger.id) } });
    const entries = await database.db.auditLog.findMany({ where: { actorUserId: strangerUser.id } });
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ["refused", "stf:ref", `stf:ref:${application.id}`],
    ]);
  });

  it("keeps another centre's forged action in the audit log too", async () => {
    const { application } = await applicant();
    await otherStaff.pressData(`stf:ns:${application.id}`);
    const other = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(otherStaff.id) } });
    const entry = await database.db.auditLog.findFirst({
      where: { actorUserId: other.id, action: "refused", entityId: `stf:ns:${application.id}` },
    });
    expect(entry?.entity).toBe("stf:ns");
  });
});

describe("the last place", () => {
  it("goes to exactly one of two staff issuing it at the same moment", async () => {
    const small = await addProject(database.db, {
      districtKato: MEDEU,
      name: "Баня",
      lat: 43.2,
      lon: 76.9,
      positions: [{ code: "mason", count: 1 }],
    });
    const apply = async () => {
      const person = harness.person();
      const user = await registerSeeker(database.store, person, { iin: makeIin("850505"), districtKato: MEDEU });
      return (await submitApplication(database.store, user.id, small.positions[0]!.id, NOW)).application!;
    };
    const [a, b] = [await apply(), await apply()];
    const secondStaff = harness.person();
    const centre = await database.db.staffMembership.findFirstOrThrow({
      where: { user: { telegramId: BigInt(staff.id) } },
    });
    const staffUsers = [
      (await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(staff.id) } })).id,
      (await makeStaff(database.db, secondStaff, centre.centreId)).id,
    ];
    const deps = { store: database.store, outbox: createOutbox(harness.jobs!.get), now: NOW };
    const results = await Promise.all([
      actOnApplication(deps, staffUsers[0]!, a.id, { action: "refer" }),
      actOnApplication(deps, staffUsers[1]!, b.id, { action: "refer" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, refusal: "no_room" }]);
    expect(
      await database.db.application.count({ where: { positionId: small.positions[0]!.id, status: "referred" } }),
    ).toBe(1);
  });
});
