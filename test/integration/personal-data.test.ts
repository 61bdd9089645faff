// Personal data at rest: a conversation's answers are sealed, an unanswered one is dropped after a
// day, "delete my data" leaves nothing that links to the person, and an IIN is not first come,
// first served. Each check reads every text and JSON column of the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVERSATION_PREFIX } from "../../src/bot/conversation-prefix.js";
import { staffData } from "../../src/bot/callback-data/staff.js";
import { adminData } from "../../src/bot/callback-data/admin.js";
import { fileIinClaim } from "../../src/services/iin-claims.js";
import { expireConversations } from "../../src/services/conversation-expiry.js";
import { createPii } from "../../src/services/pii.js";
import { rotatePiiKey } from "../../src/services/pii-rotation.js";
import { submitApplication } from "../../src/services/applications.js";
import { actOnApplication } from "../../src/services/referrals.js";
import { setSubscription } from "../../src/services/subscriptions.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { TestDatabase } from "../helpers/database.js";
import {
  closeTestBot,
  createHarness,
  openTestBot,
  TEST_PII_KEY,
  type Harness,
  type Person,
  sentTexts,
  shownTexts,
} from "../helpers/harness.js";
import { ALMALY, MEDEU } from "../helpers/places.js";
import { formatDateTime } from "../../src/presentation/format.js";
import { addProject } from "../helpers/projects.js";
import { foundIn } from "../helpers/search.js";
import { makeIin } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

let now = new Date("2021-05-01T06:00:00Z");
let database: TestDatabase;
let harness: Harness;
let staff: Person;
let medeuCentreId: number;
/** The admins' Telegram ids (ADMIN_TELEGRAM_IDS). */
const ADMIN_IDS = [8_800_001, 8_800_002, 8_800_003];
const pii = createPii(TEST_PII_KEY);

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => now, jobs: true, adminIds: ADMIN_IDS.map(BigInt) }));
  staff = harness.person({ firstName: "Сотрудник" });
  medeuCentreId = (await addCentre(database.db, [MEDEU])).id;
  await makeStaff(database.db, staff, medeuCentreId);
});
afterAll(() => closeTestBot({ database, harness }));

const chat = (person: Person) => ({ id: person.id, type: "private" as const });
const shareContact = (person: Person, phone: string) =>
  person.deliver({
    message: {
      message_id: 77,
      date: 0,
      chat: chat(person),
      from: { id: person.id, is_bot: false, first_name: "A" },
      contact: { phone_number: phone, first_name: "A", user_id: person.id },
    },
  } as never);

/** Consent, name, IIN, its confirmation, phone: registration stopped at the status question. */
async function halfway(
  name: string,
  iin: string,
  phone: string,
  telegram: { firstName?: string; username?: string } = {},
) {
  const person = await harness.readyPerson("ru", telegram);
  await person.pressData("seek:register");
  await person.press("reg:yes");
  await person.send(name);
  await person.send(iin);
  await person.press("reg:yes");
  await person.send(phone);
  return person;
}

async function registered(
  name: string,
  iin: string,
  phone: string,
  telegram: { firstName?: string; username?: string } = {},
  districtKato = MEDEU,
) {
  const person = await halfway(name, iin, phone, telegram);
  await person.press("reg:status:job_seeker");
  await person.press("reg:no");
  await person.press("reg:no");
  await person.press("reg:list");
  const home = await database.db.district.findUniqueOrThrow({ where: { kato: districtKato } });
  await person.pressData(`reg:region:${home.regionId}`);
  await person.pressData(`reg:district:${home.id}`);
  await person.press("reg:any");
  await person.press("reg:yes");
  return person;
}

const sessionOf = (person: Person) =>
  database.db.session.findUnique({ where: { key: `${CONVERSATION_PREFIX}:${person.id}` } });

describe("a conversation's answers at rest", () => {
  it("are sealed while a registration is halfway: nothing typed is in clear anywhere", async () => {
    const [name, iin, phone] = ["Бекжан Сапаров", makeIin("950505"), "87015550101"];
    const person = await halfway(name, iin, phone);
    const session = await sessionOf(person);
    expect(session?.value).toHaveProperty("sealed");
    expect(await foundIn(database.db, [name, iin, "7015550101"])).toEqual([]);
    expect(pii.decrypt(String((session!.value as { sealed: string }).sealed))).toContain(iin); // sealed, not lost
    await person.press("reg:status:student"); // and the registration goes on from the sealed state
    expect(sentTexts(await person.press("reg:yes")).at(-1)).toBe(harness.t("ru", "seeker:ask.working"));
  });

  it("of a profile edit hold neither the IIN nor the phone, and the edit leaves them only sealed", async () => {
    const [name, iin, phone] = ["Гүлнар Есенова", makeIin("960606", 4), "87015550202"];
    const person = await registered(name, iin, phone);
    await person.pressData("seek:edit:name");
    const state = pii.decrypt(String(((await sessionOf(person))!.value as { sealed: string }).sealed));
    expect(state).not.toContain(iin);
    expect(state).not.toContain("7015550202");
    await person.send("Гүлнар Есенқызы");
    expect(await foundIn(database.db, [iin, "7015550202"])).toEqual([]);
    expect(await foundIn(database.db, ["Гүлнар Есенқызы"])).toEqual(["SeekerProfile.fullName: Гүлнар Есенқызы"]); // the name staff see in their queue
    const profile = await database.db.seekerProfile.findFirstOrThrow({
      where: { user: { telegramId: BigInt(person.id) } },
    });
    expect([pii.decrypt(profile.iinCipher), pii.decrypt(profile.phoneCipher)]).toEqual([iin, "+77015550202"]); // kept as they were
  });

  it("are sealed anew when the key is rotated, and the conversation goes on under the new key", async () => {
    const person = await halfway("Арман Тоқаев", makeIin("970707"), "87015550303");
    const newKey = Buffer.alloc(32, 21);
    await rotatePiiKey(database.store, pii, createPii(newKey));
    const rotated = await createHarness(database.store, { now: () => now, piiKey: newKey });
    const next = await rotated.bot
      .handleUpdate({
        update_id: 9_000_001,
        callback_query: {
          id: "r",
          from: { id: person.id, is_bot: false, first_name: "A" },
          chat_instance: "x",
          data: "reg:status:student",
          message: { message_id: 1, date: 0, chat: chat(person), text: "" },
        },
      } as never)
      .then(() => rotated.telegram.calls.filter((c) => c.method === "sendMessage").map((c) => c.payload.text));
    expect(next).toEqual([rotated.t("ru", "seeker:ask.studying")]);
    await rotatePiiKey(database.store, createPii(newKey), pii); // back, for the tests below
  });

  it("are dropped after a day unanswered, and the person is told to start again", async () => {
    const [name, iin] = ["Сәуле Мұратова", makeIin("980808", 4)];
    const person = await halfway(name, iin, "87015550404");
    expect(
      await expireConversations(database.store, CONVERSATION_PREFIX, new Date(now.getTime() + 23 * 3_600_000)),
    ).toBe(0);
    expect(
      await expireConversations(database.store, CONVERSATION_PREFIX, new Date(Date.now() + 25 * 3_600_000)),
    ).toBeGreaterThan(0);
    expect((await sessionOf(person))?.value).toHaveProperty("expiredAt");
    expect(JSON.stringify((await sessionOf(person))?.value)).not.toContain("sealed"); // nothing typed is kept
    const back = await person.press("reg:status:student");
    expect(sentTexts(back)).toEqual([harness.t("ru", "conversation.expired")]);
    expect(await sessionOf(person)).toBeNull();
    expect(sentTexts(await person.send("Сәуле"))).not.toContain(harness.t("ru", "conversation.expired")); // told once
  });
});

describe("deleting one's data", () => {
  it("leaves nothing linked to the account but its own row and anonymous applications, from the middle of a conversation", async () => {
    const [name, iin, phone] = ["Ерлан Жақсыбеков", makeIin("990909"), "87015550505"];
    const telegram = { firstName: "Ерлантай", username: "erlan_zhaksy" };
    const person = await registered(name, iin, phone, telegram);
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(person.id) } });
    expect([user.firstName, user.username]).toEqual([telegram.firstName, telegram.username]); // there to be erased
    const project = await addProject(database.db, { districtKato: MEDEU, name: "Баня", lat: 43.2, lon: 76.9 });
    const other = await addProject(database.db, { districtKato: MEDEU, name: "Клуб", lat: 43.2, lon: 76.9 });
    const outbox = createOutbox(harness.jobs!.get);
    const staffUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(staff.id) } });
    const referred = (await submitApplication(database.store, user.id, project.positions[0]!.id, now)).application!;
    await actOnApplication({ store: database.store, outbox, now }, staffUser.id, referred.id, { action: "refer" });
    const rejected = (await submitApplication(database.store, user.id, other.positions[0]!.id, now)).application!;
    await actOnApplication({ store: database.store, outbox, now }, staffUser.id, rejected.id, {
      action: "reject",
      reason: "other",
      note: `${name} не пришёл, тел. ${phone}`,
    });
    await person.send(`Как получить направление? Мой ИИН ${iin}`); // a question with personal data in it
    await setSubscription(database.store, user.id, true);
    await database.db.loanObligation.create({
      data: { userId: user.id, receivedOn: now, jobsPromised: 2, targetedUseDueOn: now, jobsDueOn: now },
    });
    const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    await fileIinClaim(database.store, pii, {
      userId: user.id,
      iin: makeIin("880808", 3),
      phone: "+77015551212",
      districtId: medeu.id,
    });
    expect(sentTexts(await person.pressData(staffData.queue(1)))).toEqual([harness.t("ru", "errors.not_allowed")]); // a refused press, audited
    expect(await database.db.auditLog.count({ where: { actorUserId: user.id, action: "refused" } })).toBe(1);
    await person.pressData("seek:edit:phone"); // a conversation is open

    const asked = await person.pressData("seek:delete");
    expect(sentTexts(asked)).toEqual([harness.t("ru", "seeker:profile.delete_confirm")]);
    expect(sentTexts(await person.pressData("seek:delete:yes"))).toEqual([harness.t("ru", "seeker:profile.deleted")]);

    expect(
      await foundIn(database.db, [
        name,
        iin,
        "7015550505",
        String(person.id),
        "Жақсыбеков",
        telegram.firstName,
        telegram.username,
      ]),
    ).toEqual([]);
    const linked = await Promise.all([
      database.db.application.count({ where: { userId: user.id } }),
      database.db.applicationEvent.count({ where: { actorUserId: user.id } }),
      database.db.notification.count({ where: { userId: user.id } }),
      database.db.subscription.count({ where: { userId: user.id } }),
      database.db.loanObligation.count({ where: { userId: user.id } }),
      database.db.session.count({ where: { key: { endsWith: `:${person.id}` } } }),
      database.db.auditLog.count({ where: { actorUserId: user.id } }),
      database.db.faqQuestion.count({ where: { userId: user.id } }),
      database.db.iinClaim.count({ where: { claimantUserId: user.id } }),
    ]);
    expect(linked).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await database.db.auditLog.count({ where: { action: "refused", entityId: staffData.queue(1) } })).toBe(1); // the press is still counted, anonymously
    const anonymous = await database.db.application.findMany({ where: { id: { in: [referred.id, rejected.id] } } });
    expect(anonymous.map((a) => [a.status, a.userId, a.rejectNote])).toEqual([
      ["referred", null, null],
      ["rejected", null, null],
    ]);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).language).toBe("ru"); // still spoken to in their language
  });

  it("is refused to staff, and after an admin removed the role the trail of what they did keeps its actor and name", async () => {
    const admin = await harness.readyPerson("ru", { id: ADMIN_IDS[0], firstName: "Әкімші" });
    const adminUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(admin.id) } });
    const worker = await harness.readyPerson("ru", { firstName: "Нұржан", username: "nurzhan_czn" });
    const centre = await addCentre(database.db, [MEDEU], "ЦЗН Медеу-2");
    const workerUser = await makeStaff(database.db, worker, centre.id);
    const seeker = await registered("Асель Нурланова", makeIin("000303", 4), "87015550311");
    const seekerUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(seeker.id) } });
    const project = await addProject(database.db, { districtKato: MEDEU, name: "Мектеп", lat: 43.2, lon: 76.9 });
    const application = (await submitApplication(database.store, seekerUser.id, project.positions[0]!.id, now))
      .application!;
    await worker.pressData(staffData.action("ref", application.id));
    await worker.pressData(staffData.action("iin", application.id));
    const trail = {
      audit: await database.db.auditLog.count({ where: { actorUserId: workerUser.id } }),
      events: await database.db.applicationEvent.count({ where: { actorUserId: workerUser.id } }),
    };
    expect(trail.audit).toBeGreaterThanOrEqual(2); // the referral and the IIN shown
    expect(trail.events).toBe(1);

    for (const pressed of ["seek:delete", "seek:delete:yes"]) {
      expect(sentTexts(await worker.pressData(pressed))).toEqual([harness.t("ru", "seeker:profile.delete_holds_role")]);
    }
    expect((await database.db.user.findUniqueOrThrow({ where: { id: workerUser.id } })).firstName).toBe("Нұржан"); // nothing erased

    await admin.pressData(adminData.remove(centre.id, workerUser.id));
    expect((await database.db.user.findUniqueOrThrow({ where: { id: workerUser.id } })).roles).toEqual([]);
    await worker.pressData("seek:delete");
    expect(sentTexts(await worker.pressData("seek:delete:yes"))).toEqual([harness.t("ru", "seeker:profile.deleted")]);

    const erased = await database.db.user.findUniqueOrThrow({ where: { id: workerUser.id } });
    expect([erased.firstName, erased.username]).toEqual([null, null]);
    expect(await database.db.auditLog.count({ where: { actorUserId: workerUser.id } })).toBe(trail.audit);
    expect(await database.db.applicationEvent.count({ where: { actorUserId: workerUser.id } })).toBe(trail.events);
    const kept = await database.db.auditLog.findMany({ where: { actorUserId: workerUser.id } });
    expect(new Set(kept.map((entry) => entry.actorName))).toEqual(new Set(["Нұржан @nurzhan_czn"]));
    const log = shownTexts(
      await admin.pressData(adminData.log(1, { action: "refer", centreId: 0, userId: workerUser.id })),
    )[0]!;
    expect(log).toContain("Нұржан @nurzhan_czn"); // the admin's log still says who referred
    expect(adminUser.roles).toEqual(["admin"]);
  });
});

describe("an IIN registered from another account", () => {
  it("is not told to anyone, the owner asks the centre, staff move it after checking the document, and both accounts are told", async () => {
    const iin = makeIin("010101", 5);
    const first = await registered("Айдана Серікова", iin, "87015550606", {}, ALMALY);
    const colleague = harness.person({ firstName: "Коллега" });
    await makeStaff(database.db, colleague, medeuCentreId);
    const owner = await halfway("Айдана Серікқызы", makeIin("020202", 6), "87015550707");
    // the owner's own IIN is taken: the same neutral answer anyone would get
    await owner.press("reg:back"); // back to the phone…
    await owner.press("reg:back"); // …to the confirmation…
    await owner.press("reg:no"); // …and the IIN is asked again
    const refused = await owner.send(iin);
    expect(sentTexts(refused)).toEqual([harness.t("ru", "seeker:invalid.iin_unavailable")]);
    expect(refused.at(-1)!.buttons.map(([, d]) => d)).toContain("reg:claim");
    await owner.press("reg:claim");
    await shareContact(owner, "+77015550808");
    const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    await owner.pressData(`reg:region:${medeu.regionId}`);
    expect(sentTexts(await owner.pressData(`reg:district:${medeu.id}`))[0]).toBe(harness.t("ru", "seeker:claim.filed"));

    const queue = await staff.pressData(staffData.queue(1));
    const button = queue.at(-1)!.buttons.find(([, d]) => d === staffData.iinClaims());
    expect(button?.[0]).toBe(harness.t("ru", "staff:iin_claims.button", { count: 1 }));
    const claim = await database.db.iinClaim.findFirstOrThrow();
    const card = shownTexts(await staff.pressData(staffData.iinClaim(claim.id)))[0]!;
    expect(card).toContain("+77015550808");
    expect(card).toContain(`••••••••${iin.slice(-4)}`);
    expect(card).not.toContain(iin);
    const stranger = harness.person();
    await makeStaff(database.db, stranger, (await addCentre(database.db, ["431000000"])).id); // Kyzylorda's centre
    expect(sentTexts(await stranger.pressData(staffData.resolveIinClaim(claim.id, "move")))).toEqual([
      harness.t("ru", "errors.not_allowed"),
    ]);

    // four eyes: the first staff member proposes, the same one cannot confirm, a second one does
    expect(sentTexts(await staff.pressData(staffData.resolveIinClaim(claim.id, "move")))[0]).toBe(
      harness.t("ru", "staff:iin_claims.outcome.proposed"),
    );
    expect(await database.db.seekerProfile.count({ where: { user: { telegramId: BigInt(first.id) } } })).toBe(1); // nothing moved yet
    expect(sentTexts(await staff.pressData(staffData.resolveIinClaim(claim.id, "move")))[0]).toBe(
      harness.t("ru", "staff:iin_claims.outcome.awaiting_second"),
    );
    const secondCard = shownTexts(await colleague.pressData(staffData.iinClaim(claim.id)))[0]!;
    expect(secondCard).toContain(
      harness.t("ru", "staff:iin_claims.proposed", { person: "Сотрудник", date: formatDateTime(now) }),
    );
    const profileCentreStaff = harness.person({ firstName: "Бақытжан" });
    await makeStaff(database.db, profileCentreStaff, (await addCentre(database.db, [ALMALY], "ЦЗН Алмалы")).id);
    expect(sentTexts(await colleague.pressData(staffData.resolveIinClaim(claim.id, "move")))[0]).toBe(
      harness.t("ru", "staff:iin_claims.outcome.moved"),
    );
    const ownerUser = await database.db.user.findUniqueOrThrow({
      where: { telegramId: BigInt(owner.id) },
      include: { profile: true },
    });
    expect(ownerUser.profile && pii.decrypt(ownerUser.profile.iinCipher)).toBe(iin);
    expect(ownerUser.profile && pii.decrypt(ownerUser.profile.phoneCipher)).toBe("+77015550808");
    expect(await database.db.seekerProfile.count({ where: { user: { telegramId: BigInt(first.id) } } })).toBe(0);
    await harness.flushAll();
    expect(first.sentToMe().some((r) => r.text === harness.t("ru", "notifications:registration_moved"))).toBe(true);
    expect(owner.sentToMe().some((r) => r.text === harness.t("ru", "notifications:registration_received"))).toBe(true);
    const almaly = await database.db.district.findUniqueOrThrow({ where: { kato: ALMALY } });
    expect(profileCentreStaff.sentToMe().map((r) => r.text)).toEqual([
      // the centre of the district the profile was in
      harness.t("ru", "notifications:registration_moved_centre", {
        number: claim.id,
        district: almaly.nameRu,
        claimDistrict: medeu.nameRu,
      }),
    ]);
    const [staffUser, colleagueUser] = await Promise.all(
      [staff, colleague].map((p) => database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(p.id) } })),
    );
    expect(
      await database.db.auditLog.findFirst({ where: { action: "resolve_iin_claim", actorUserId: staffUser!.id } }),
    ).toMatchObject({ entityId: String(claim.id), after: { outcome: "proposed", districtId: medeu.id } });
    expect(
      await database.db.auditLog.findFirst({ where: { action: "resolve_iin_claim", actorUserId: colleagueUser!.id } }),
    ).toMatchObject({ entityId: String(claim.id), after: { outcome: "moved", districtId: medeu.id } });
    expect(sentTexts(await staff.pressData(staffData.resolveIinClaim(claim.id, "move")))[0]).toBe(
      harness.t("ru", "staff:iin_claims.outcome.already_resolved"),
    );
  });

  it("is never decided by its claimant nor by a staff claimant's colleagues, and an admin may confirm a move", async () => {
    const iin = makeIin("040404", 6);
    await registered("Дана Омарова", iin, "87015550412");
    const insider = harness.person({ firstName: "Инсайдер" });
    const insiderUser = await makeStaff(database.db, insider, medeuCentreId);
    const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    await fileIinClaim(database.store, pii, {
      userId: insiderUser.id,
      iin,
      phone: "+77015550413",
      districtId: medeu.id,
    });
    const claim = await database.db.iinClaim.findFirstOrThrow({ where: { claimantUserId: insiderUser.id } });
    const refused = harness.t("ru", "errors.not_allowed");
    expect(sentTexts(await insider.pressData(staffData.resolveIinClaim(claim.id, "move")))).toEqual([refused]); // their own claim
    expect(shownTexts(await insider.pressData(staffData.iinClaim(claim.id)))[0]).toContain(
      harness.t("ru", "staff:iin_claims.conflict.own_claim"),
    );
    const card = await staff.pressData(staffData.iinClaim(claim.id));
    expect(shownTexts(card)[0]).toContain(harness.t("ru", "staff:iin_claims.conflict.colleague"));
    expect(card.at(-1)!.buttons.map(([, data]) => data)).not.toContain(staffData.resolveIinClaim(claim.id, "move"));
    expect(sentTexts(await staff.pressData(staffData.resolveIinClaim(claim.id, "move")))).toEqual([refused]); // a colleague of the claimant
    expect(
      await database.db.auditLog.count({ where: { action: "refused", entity: "stf:icr" } }),
    ).toBeGreaterThanOrEqual(2);
    expect((await database.db.iinClaim.findUniqueOrThrow({ where: { id: claim.id } })).proposedById).toBeNull();

    const [first, second] = [
      harness.person({ id: ADMIN_IDS[1], firstName: "Админ 1" }),
      harness.person({ id: ADMIN_IDS[2], firstName: "Админ 2" }),
    ];
    const home = await first.pressData(adminData.home());
    expect(home.at(-1)!.buttons.map(([, data]) => data)).toContain(staffData.iinClaims());
    expect(shownTexts(await first.pressData(staffData.iinClaims()))[0]).toBe(
      harness.t("ru", "staff:iin_claims.title", { count: 1 }),
    );
    expect(sentTexts(await first.pressData(staffData.resolveIinClaim(claim.id, "move")))[0]).toBe(
      harness.t("ru", "staff:iin_claims.outcome.proposed"),
    );
    expect(sentTexts(await second.pressData(staffData.resolveIinClaim(claim.id, "move")))[0]).toBe(
      harness.t("ru", "staff:iin_claims.outcome.moved"),
    );
    const profile = await database.db.seekerProfile.findUniqueOrThrow({ where: { iinHash: pii.hash(iin) } });
    expect(profile.userId).toBe(insiderUser.id); // two admins checked the document: the move stands
  });

  it("may be tried five times a day from one account, then the day is over", async () => {
    const person = await halfway("Тимур Ахметов", makeIin("030303", 5), "87015550909"); // the first
    await person.press("reg:back"); // back to the phone…
    await person.press("reg:back"); // …to the confirmation…
    await person.press("reg:no"); // …and the IIN is asked again
    const confirm = (iin: string) =>
      harness.t("ru", "seeker:ask.iin_confirm", {
        birth: "04.04.2003",
        sex: harness.t("ru", `seeker:sex.${Number(iin[6]) % 2 ? "male" : "female"}`),
      });
    for (let i = 2; i <= 5; i++) {
      const iin = makeIin("030404", 5);
      expect(sentTexts(await person.send(iin))).toEqual([confirm(iin)]);
      await person.press("reg:no");
    }
    expect(sentTexts(await person.send(makeIin("030404", 5)))[0]).toBe(
      harness.t("ru", "seeker:invalid.iin_attempts", { count: 5 }),
    );

    now = new Date(now.getTime() + 24 * 3_600_000); // the next day in Kazakhstan
    await person.pressData("seek:register");
    await person.press("reg:yes");
    await person.send("Тимур Ахметов");
    const iin = makeIin("030404", 5);
    expect(sentTexts(await person.send(iin))).toEqual([confirm(iin)]);
  });
});

describe('a location shared for "near me"', () => {
  it("is forgotten after 30 days unless the person registered", async () => {
    const passerby = await harness.readyPerson();
    const registeredPerson = await registered("Мақсат Ерланов", makeIin("010505", 5), "87015550515");
    const [stranger, seeker] = await Promise.all(
      [passerby, registeredPerson].map((p) =>
        database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(p.id) } }),
      ),
    );
    for (const user of [stranger!, seeker!])
      await harness.services.seekers.rememberLocation(user.id, { lat: 43.24, lon: 76.91 }, now);
    const day = 86_400_000;
    expect(await harness.services.upkeep.forgetOldLocations(new Date(now.getTime() + 29 * day))).toBe(0);
    expect(await harness.services.upkeep.forgetOldLocations(new Date(now.getTime() + 31 * day))).toBeGreaterThanOrEqual(
      1,
    );
    const [forgotten, kept] = await Promise.all(
      [stranger!, seeker!].map((user) => database.db.user.findUniqueOrThrow({ where: { id: user.id } })),
    );
    expect([forgotten!.lastLat, forgotten!.lastLon, forgotten!.lastLocationAt]).toEqual([null, null, null]);
    expect(kept!.lastLat).toBe(43.24);
  });
});
