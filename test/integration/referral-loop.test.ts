// The referral after it is issued: the job seeker's PDF with its signed QR code, anyone's check of
// it, the contractor's representative (invited once, for one contractor) recording the outcome, the
// job seeker asked once three working days on, and the monthly report's new figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../src/services/applications.js";
import { referralCode } from "../../src/services/referral-check.js";
import { createPii } from "../../src/services/pii.js";
import { reportMonth } from "../../src/domain/report.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, shownTexts } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { readPdf } from "../helpers/pdf.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";
import { fileOf } from "../helpers/telegram.js";
import { initDataFor, startDesk } from "../helpers/desk.js";

// Friday before Nauryz 2021 (21–23 March; the 21st a Sunday, so the 24th is off too).
const NOW = new Date("2021-03-19T06:00:00Z");
let database: TestDatabase;
let harness: Harness;
let staff: Person;
let project: Awaited<ReturnType<typeof addProject>>;
let other: Awaited<ReturnType<typeof addProject>>;
const t = (key: string, options?: Record<string, unknown>) => harness.t("ru", key, options);

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW, jobs: true }));
  project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Школа № 9",
    lat: 43.25,
    lon: 76.92,
    positions: [{ code: "mason", count: 10, wage: 150_000 }],
  });
  other = await addProject(database.db, { districtKato: MEDEU, name: "Больница", lat: 43.2, lon: 76.9 });
  await database.db.contractor.update({ where: { id: project.contractorId! }, data: { bin: "210340012345" } });
  staff = harness.person({ firstName: "Гүлнар" });
  await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района")).id);
});
afterAll(() => closeTestBot({ database, harness }));

/** A registered job seeker's application to `onProject`, referred by staff through the chat. */
async function referred(onProject = project, name = "Қасымова Әйгерім Серікқызы") {
  const person = harness.person();
  const iin = makeIin("990101", 4);
  const user = await registerSeeker(database.store, person, { iin, districtKato: MEDEU, fullName: name });
  const { application } = await submitApplication(database.store, user.id, onProject.positions[0]!.id, NOW);
  await staff.pressData(`stf:ref:${application!.id}`);
  const row = await database.db.application.findUniqueOrThrow({ where: { id: application!.id } });
  return { person, iin, user, application: row };
}

async function contractorFor(projectId: number): Promise<Person> {
  const [link] = shownTexts(await staff.pressData(`stf:inv:${projectId}`));
  const token = /start=(c[A-Za-z0-9_-]{24})/.exec(link!)![1]!;
  const representative = await harness.readyPerson("ru", { firstName: "Бауыржан" });
  await representative.send(`/start ${token}`);
  return representative;
}

describe("the referral's document", () => {
  it("reaches the job seeker as a PDF in both languages, the IIN masked, its QR code the signed check link", async () => {
    const { person, iin, application } = await referred();
    const from = harness.telegram.calls.length;
    await harness.flushAll();
    const documents = harness.telegram.calls
      .slice(from)
      .filter((c) => c.method === "sendDocument" && Number(c.payload.chat_id) === person.id);
    expect(documents).toHaveLength(1);
    const file = fileOf(documents[0]!);
    expect(file.name).toBe(`referral-${application.referralNumber}.pdf`);
    const pdf = await readPdf(file.bytes);
    for (const text of [
      "ЖОЛДАМА / НАПРАВЛЕНИЕ",
      application.referralNumber!,
      "Қасымова Әйгерім Серікқызы", // Kazakh letters, from the shipped font
      `••••••••${iin.slice(-4)}`,
      "Школа № 9 (kk) / Школа № 9",
      "210340012345",
      "Мердігер (жұмыс беруші) / Подрядчик (работодатель)",
      "ЦЗН Медеуского района",
    ])
      expect(pdf.text).toContain(text);
    expect(pdf.text).not.toContain(iin);
    const code = referralCode(createPii(Buffer.alloc(32, 7)), application.id); // not the bot's key: differs
    expect(pdf.qrCodes).toHaveLength(1);
    const link = pdf.qrCodes[0]!;
    expect(link).toMatch(new RegExp(`^https://t\\.me/roadmap_test_bot\\?start=r${application.id}_[A-Za-z0-9_-]{22}$`));
    expect(link).not.toContain(code);
    expect(link.length - link.indexOf("start=") - "start=".length).toBeLessThanOrEqual(64);

    // Anyone who opens it is told it stands, with the initials only.
    const passer = await harness.readyPerson("ru");
    const check = shownTexts(await passer.send(`/start ${link.split("start=")[1]}`)).join("\n");
    expect(check).toContain(t("referral:check.state.valid"));
    expect(check).toContain(t("referral:check.person", { initials: "Қ. Ә. С." }));
    expect(check).not.toContain("Қасымова");
    // An altered signature, or the signature of another referral, is refused.
    const payload = link.split("start=")[1]!;
    const altered = `${payload.slice(0, -1)}${payload.endsWith("A") ? "B" : "A"}`;
    const otherId = payload.replace(/^r\d+_/, `r${application.id + 1}_`);
    for (const forged of [altered, otherId])
      expect(shownTexts(await passer.send(`/start ${forged}`))).toEqual([t("referral:check.invalid")]);
    // The public page answers the same outside Telegram.
    const { createWebApp } = await import("../../src/web/app.js");
    const web = createWebApp({
      services: harness.services,
      i18n: harness.i18n,
      botToken: "x",
      log: (await import("pino")).pino({ level: "silent" }),
      now: () => NOW,
    });
    const page = await web.request(`/ru/r/${payload}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(t("referral:check.state.valid"));
    expect(html).not.toContain("Қасымова");
    expect((await web.request(`/ru/r/${altered}`)).status).toBe(404);
  });
});

describe("the contractor's representative", () => {
  it("is invited once for one contractor, sees its projects' quota and referred people, and nobody else's", async () => {
    const [link] = shownTexts(await staff.pressData(`stf:inv:${project.id}`));
    expect(link).toContain("210340012345");
    const token = /start=(c[A-Za-z0-9_-]{24})/.exec(link!)![1]!;
    const first = await harness.readyPerson("ru");
    expect(shownTexts(await first.send(`/start ${token}`))[0]).toContain("ТОО «Школа № 9-Строй»");
    const second = await harness.readyPerson("ru");
    expect(shownTexts(await second.send(`/start ${token}`))).toEqual([t("contractor:invitation.used")]);
    expect(await database.db.contractorMembership.count({ where: { user: { telegramId: BigInt(second.id) } } })).toBe(
      0,
    );

    const projects = shownTexts(await first.send(t("menu.contractor"))).join("\n");
    expect(projects).toContain("Школа № 9");
    expect(projects).not.toContain("Больница");
    expect(projects).toMatch(/рабочих мест: 10, через центр занятости: 2, направлено: \d+/);

    // Another contractor's referral: refused and audited, nothing shown.
    const { application: foreign } = await referred(other, "Омаров Нурлан");
    expect(shownTexts(await first.pressData(`ctr:a:${foreign.id}`))).toEqual([t("errors.not_allowed")]);
    expect(shownTexts(await first.pressData(`ctr:ns:${foreign.id}`))).toEqual([t("errors.not_allowed")]);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("referred");
    expect(
      await database.db.auditLog.count({
        where: { action: "refused", actor: { telegramId: BigInt(first.id) }, entity: { startsWith: "ctr:" } },
      }),
    ).toBeGreaterThanOrEqual(1);
    // A contractor cannot refer, and sees no IIN.
    const { application: own, iin } = await referred();
    const card = shownTexts(await first.pressData(`ctr:a:${own.id}`)).join("\n");
    expect(card).toContain(own.referralNumber!);
    expect(card).not.toContain(iin);
  });

  it("records a hire with the wage floor checked; the job seeker is told once, staff see who recorded it and may correct it", async () => {
    const { person, application } = await referred(project, "Ким Виктор Павлович");
    await harness.flushAll();
    const representative = await contractorFor(project.id);
    await representative.pressData(`ctr:a:${application.id}`);
    expect(shownTexts(await representative.pressData(`ctr:hire:${application.id}`))).toEqual([
      t("staff:typed.ask.contract_date"),
    ]);
    await representative.send("19.03.2021");
    const low = shownTexts(await representative.send("50 000"));
    expect(low[0]).toContain(t("staff:refusal.wage_below_floor", { floor: "85\u00a0000" }).slice(0, 20));
    expect(low).toContain(t("staff:typed.ask.wage"));
    expect(shownTexts(await representative.send("150 000"))[0]).toBe(t("contractor:person.recorded"));

    const row = await database.db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({ status: "hired", wage: 150_000, outcomeBy: "contractor" });
    const event = await database.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: application.id, status: "hired" },
    });
    expect(event.actorRole).toBe("contractor");
    const audit = await database.db.auditLog.findFirstOrThrow({
      where: { action: "hire", entityId: String(application.id) },
    });
    expect(audit.after).toMatchObject({ by: "contractor" });

    const from = harness.telegram.calls.length;
    await harness.flushAll();
    await harness.flushAll();
    const told = harness.telegram.calls
      .slice(from)
      .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === person.id);
    expect(told).toHaveLength(1);
    expect(String(told[0]!.payload.text)).toBe(
      t("notifications:hired", {
        number: application.number,
        project: "Школа № 9",
        profession: "Каменщик",
        date: "19.03.2021",
        wage: "150\u00a0000",
      }),
    );

    // Staff see it was the contractor, and may correct it to "did not come".
    const staffCard = shownTexts(await staff.pressData(`stf:a:${application.id}`)).join("\n");
    expect(staffCard).toContain(t("contractor:recorded_by"));
    await staff.pressData(`stf:ns:${application.id}`);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("no_show");
    // …and a contractor cannot touch it again.
    await representative.pressData(`ctr:ns:${application.id}`);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).outcomeBy).toBe(
      "staff",
    );
  });
});

describe("the job seeker's follow-up", () => {
  it("is sent once, three working days after the referral (the weekend and Nauryz skipped), and not after an outcome or an erasure", async () => {
    await harness.flushAll();
    const waiting = await referred(project, "Сериков Серик");
    const recorded = await referred(project, "Абаев Абай");
    await staff.pressData(`stf:ns:${recorded.application.id}`);
    const erased = await referred(project, "Жанова Жания");
    await erased.person.pressData("seek:delete");
    await erased.person.pressData("seek:delete:yes");
    expect(
      (await database.db.application.findUniqueOrThrow({ where: { id: erased.application.id } })).userId,
    ).toBeNull();
    await harness.flushAll();

    const ask = (iso: string) => harness.services.upkeep.queueFollowUps(new Date(`${iso}T04:00:00Z`));
    // Friday 19 March: Monday 22 and Tuesday 23 are Nauryz, Wednesday 24 its moved day off.
    expect(await ask("2021-03-26")).toBe(0); // two working days (25th, 26th)
    const from = harness.telegram.calls.length;
    // The third working day: every referral of the 19th still waiting, of a person who is still there.
    const due = await database.db.application.count({
      where: { status: "referred", followUpAt: null, userId: { not: null } },
    });
    expect(due).toBeGreaterThanOrEqual(1);
    expect(await ask("2021-03-29")).toBe(due);
    expect(await ask("2021-03-30")).toBe(0); // once
    await harness.flushAll();
    const asked = harness.telegram.calls.slice(from).filter((c) => c.method === "sendMessage");
    const to = (p: Person) => asked.filter((c) => Number(c.payload.chat_id) === p.id);
    expect(to(waiting.person)).toHaveLength(1);
    expect(String(to(waiting.person)[0]!.payload.text)).toBe(
      t("notifications:follow_up", {
        referral: waiting.application.referralNumber,
        project: "Школа № 9",
        profession: "Каменщик",
      }),
    );
    expect(to(recorded.person)).toHaveLength(0);
    expect(to(erased.person)).toHaveLength(0);

    // "Not hired", and why: the application is in the centre's attention.
    await waiting.person.press(t("notifications:follow_up_answer.not_hired"));
    expect(shownTexts(await waiting.person.press(t("notifications:follow_up_reason.refused")))).toEqual([
      t("notifications:follow_up_not_hired"),
    ]);
    const answered = await database.db.application.findUniqueOrThrow({ where: { id: waiting.application.id } });
    expect(answered).toMatchObject({ seekerOutcome: "not_hired", seekerReason: "refused" });
    const queue = await staff.pressData("stf:q:1:attention:0");
    const labels = queue.flatMap((r) => r.buttons.map(([label]) => label));
    expect(labels.filter((label) => label.startsWith("⚠️"))).toEqual([
      expect.stringContaining(waiting.application.number),
    ]);
    const card = shownTexts(await staff.pressData(`stf:a:${waiting.application.id}`)).join("\n");
    expect(card).toContain(t("staff:seeker_answer.not_hired"));
    expect(card).toContain(t("notifications:follow_up_reason.refused"));
  });
});

describe("the staff desk", () => {
  it("filters the applications whose job seeker said 'not hired', and lists the referrals without an outcome after ten days", async () => {
    const later = new Date("2021-04-05T06:00:00Z"); // 17 days after the referrals of 19 March
    const desk = await startDesk(harness, () => later);
    try {
      const initData = initDataFor({ id: staff.id, first_name: "Гүлнар" }, new Date(later.getTime() - 60_000));
      const flagged = await database.db.application.findMany({ where: { seekerOutcome: "not_hired" } });
      const referred = await database.db.application.findMany({ where: { status: "referred" } });
      expect(flagged.length).toBeGreaterThan(0);
      expect(referred.length).toBeGreaterThan(flagged.length);

      const attention = await (await desk.request("queue?status=all&attention=1", initData)).text();
      for (const application of flagged) expect(attention).toContain(application.number);
      for (const application of referred.filter((r) => !flagged.some((f) => f.id === r.id)))
        expect(attention).not.toContain(application.number);

      const worklist = await desk.request("waiting", initData);
      expect(worklist.status).toBe(200);
      const page = await worklist.text();
      expect(page).toContain(t("desk:waiting.heading", { days: 10 }));
      for (const application of referred) expect(page).toContain(application.referralNumber!);
      const applicant = await (await desk.request(`applications/${flagged[0]!.id}`, initData)).text();
      expect(applicant).toContain(t("desk:applicant.field.seeker_answer"));
      expect(applicant).toContain(t("notifications:follow_up_reason.refused"));
    } finally {
      await desk.close();
    }
  });
});

describe("the monthly report", () => {
  it("counts hires by who recorded them and the referrals without an outcome after ten days, per district", async () => {
    const march = await harness.services.reports.buildMonthlyReport(null, reportMonth(2021, 3));
    const medeu = march.referralOutcomes.find((d) => d.nameRu.startsWith("Медеу"))!;
    const hires = await database.db.application.findMany({
      where: { status: "hired", contractDate: { gte: new Date("2021-03-01"), lt: new Date("2021-04-01") } },
    });
    expect(medeu.hiredByContractor).toBe(hires.filter((h) => h.outcomeBy === "contractor").length);
    expect(medeu.hiredByStaff).toBe(hires.filter((h) => h.outcomeBy !== "contractor").length);
    // Referred on 19 March, more than ten days before the month ended, still without an outcome: waiting.
    const stillReferred = await database.db.application.count({ where: { status: "referred" } });
    expect(medeu.waiting).toBe(stillReferred);
    expect(march.totals.outcomes.waiting).toBe(stillReferred);
    const files = await import("../../src/presentation/reports/report-tables.js");
    const table = files.reportTables(march, "ru", harness.i18n.getFixedT("ru")).find((s) => s.section === "outcomes")!;
    expect(table.totals).toEqual([t("report:total"), medeu.hiredByStaff, medeu.hiredByContractor, medeu.waiting]);
  });
});
