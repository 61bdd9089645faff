// The outbox under Telegram's limits: one shared pace for every worker, one message a second to a
// chat, a 429 waited out and never counted, given-up messages shown to admins and sent again,
// several new projects in one message, and a report's files each sent once.
import { IMPORT_ROW } from "../helpers/import-rows.js";
import pino from "pino";
import { telegramSender } from "../../src/bot/notification-sender.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lazyBoss } from "../../src/jobs/boss.js";
import { createOutbox, startNotificationWorker } from "../../src/jobs/outbox.js";
import { notify } from "../../src/services/notifications.js";
import { setSubscription } from "../../src/services/subscriptions.js";
import { IMPORT_COLUMNS } from "../../src/services/import/read-table.js";
import { adminData } from "../../src/bot/callback-data/admin.js";
import type { TestDatabase } from "../helpers/database.js";
import {
  closeTestBot,
  openTestBot,
  makeNotificationsDue,
  type Harness,
  type Person,
  shownTexts,
} from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const ADMIN_ID = 660_001;
let database: TestDatabase;
let harness: Harness;
let admin: Person;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({
    adminIds: [BigInt(ADMIN_ID)],
    now: () => new Date("2021-06-15T08:00:00Z"),
    jobs: true,
  }));
  admin = await harness.readyPerson();
  admin = harness.person({ id: ADMIN_ID });
  await admin.send("/start");
  await admin.press("lang:ru");
});
afterAll(() => closeTestBot({ database, harness }));

const outbox = () => createOutbox(harness.jobs!.get);
async function person(lang = "ru") {
  const user = await database.db.user.create({
    data: { telegramId: BigInt(700_000 + Math.floor(Math.random() * 1e6)), language: lang },
  });
  return user;
}
const invitationUsed = async (userId: number, key: string) => {
  const centre = (await database.db.employmentCentre.findFirst()) ?? (await addCentre(database.db, [MEDEU]));
  await database.store.transaction((tx) =>
    notify(tx, outbox(), {
      userId,
      kind: "invitation_used",
      payload: { centreId: centre.id, person: "Дана" },
      eventKey: key,
    }),
  );
};
const dueNow = () => makeNotificationsDue(database.db);

describe("the outbox's pace", () => {
  it("sends one chat at most one message a second: the next waits for its chat", async () => {
    const user = await person();
    for (let i = 0; i < 3; i++) await invitationUsed(user.id, `pace:${user.id}:${i}`);
    const outcomes = await harness.flushNotifications();
    expect(outcomes).toEqual(["sent", { retryAfterSeconds: 1 }, { retryAfterSeconds: 1 }]);
    await harness.flushAll();
    expect(await database.db.notification.count({ where: { userId: user.id, sentAt: { not: null } } })).toBe(3);
  });

  it("waits out any number of 429s without counting them, and holds every worker back meanwhile", async () => {
    const user = await person();
    await invitationUsed(user.id, `flood:${user.id}`);
    for (let i = 0; i < 12; i++) {
      harness.telegram.failNext("sendMessage", "Too Many Requests: retry after 2", 429, { retry_after: 2 });
      expect(await harness.flushNotifications()).toEqual([{ retryAfterSeconds: 2 }]);
      const [clock] = await database.db.$queryRaw<
        Array<{ ahead: number }>
      >`select extract(epoch from "nextAt" - now())::float as ahead from "OutboxClock"`;
      expect(clock!.ahead).toBeGreaterThan(1); // no instance sends before Telegram's retry_after
      await dueNow();
    }
    expect(await harness.flushNotifications()).toEqual(["sent"]);
    const row = await database.db.notification.findUniqueOrThrow({ where: { eventKey: `flood:${user.id}` } });
    expect(row).toMatchObject({ attempts: 1, failedAt: null });
  });

  it("keeps two workers together under one rate", async () => {
    await harness.flushAll();
    const users = await Promise.all(Array.from({ length: 30 }, () => person()));
    for (const user of users) await invitationUsed(user.id, `shared:${user.id}`);
    const before = harness.telegram.calls.length;
    const log = pino({ level: "silent" });
    const workers = [lazyBoss(database.url, log), lazyBoss(database.url, log)];
    for (const worker of workers)
      await startNotificationWorker(await worker.get(), {
        services: { delivery: harness.services.delivery }, // the outbox is given only its group
        sender: telegramSender(harness.outboxApi, harness.i18n, "roadmap_test_bot"),
        log,
        rate: 10,
      });
    const deadline = Date.now() + 20_000;
    while (
      Date.now() < deadline &&
      (await database.db.notification.count({ where: { eventKey: { startsWith: "shared:" }, sentAt: null } })) > 0
    )
      await new Promise((r) => setTimeout(r, 100));
    for (const worker of workers) await worker.stop();
    const times = harness.telegram.calls
      .slice(before)
      .filter((c) => c.method === "sendMessage")
      .map((c) => c.at!)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(30);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length));
    console.log(
      `two workers at 10/s: 30 messages in ${times.at(-1)! - times[0]!} ms, at most ${busiest} in one second`,
    );
    expect(busiest).toBeLessThanOrEqual(12); // 10 a second, and one more where a window holds both ends
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2_700);
  }, 40_000);
});

describe("messages given up", () => {
  it("are shown to admins with a count, and sent again on their word", async () => {
    await dueNow();
    const user = await person();
    await invitationUsed(user.id, `lost:${user.id}`);
    harness.telegram.failNext("sendMessage", "Bad Request: chat not found", 400);
    expect(await harness.flushNotifications()).toEqual(["gave_up"]);
    const screen = shownTexts(await admin.pressData(adminData.undelivered()))[0]!;
    expect(screen).toContain(harness.t("ru", "admin:undelivered.title", { count: 1 }));
    expect(screen).toContain(String(user.telegramId));
    const retried = await admin.pressData(adminData.retryUndelivered());
    expect(shownTexts(retried)[0]).toBe(harness.t("ru", "admin:undelivered.retried", { count: 1 }));
    await dueNow();
    expect(await harness.flushNotifications()).toEqual(["sent"]);
    expect(shownTexts(await admin.pressData(adminData.undelivered()))[0]).toBe(
      harness.t("ru", "admin:undelivered.none"),
    );
    const stranger = await harness.readyPerson();
    expect(shownTexts(await stranger.pressData(adminData.retryUndelivered()))).toEqual([
      harness.t("ru", "errors.not_allowed"),
    ]);
  });
});

describe("one message for many projects", () => {
  it("lists up to 10 projects an import opened for a subscriber, then how many more", async () => {
    await dueNow();
    const staff = harness.person();
    await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU])).id);
    const seeker = harness.person();
    const user = await registerSeeker(database.store, seeker, {
      iin: makeIin("920202"),
      districtKato: MEDEU,
      anyWork: true,
    });
    await setSubscription(database.store, user.id, true);
    const base: Record<string, string> = { ...IMPORT_ROW, contractor_name: "ТОО", estimated_cost: "1000" };
    const rows = Array.from({ length: 12 }, (_, i) =>
      IMPORT_COLUMNS.map((c) =>
        c === "external_id" ? `MANY-${i}` : c === "name_ru" ? `Объект ${i + 1}` : base[c],
      ).join(","),
    );
    await staff.sendDocument("many.csv", Buffer.from([IMPORT_COLUMNS.join(","), ...rows].join("\n")));
    await harness.flushAll();
    const told = seeker.sentToMe().filter((r) => r.method === "sendMessage");
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(harness.t("ru", "notifications:projects_match", { count: 12 }));
    expect(told[0]!.text).toContain(harness.t("ru", "notifications:projects_match_more", { count: 2 }));
    expect(told[0]!.buttons).toHaveLength(10);
  });
});

describe("a monthly report", () => {
  it("whose file fails is not sent again whole: the retry sends the parts not yet sent", async () => {
    await dueNow();
    const adminUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ADMIN_ID) } });
    await database.store.transaction((tx) =>
      notify(tx, outbox(), {
        userId: adminUser.id,
        kind: "monthly_report",
        payload: { month: "2021-05" },
        eventKey: "report:2021-05:admin",
      }),
    );
    harness.telegram.failNext("sendDocument", "Internal Server Error", 500);
    const [first] = await harness.flushNotifications();
    expect(first).toMatchObject({ failed: expect.stringContaining("500") });
    await dueNow();
    expect(await harness.flushNotifications()).toEqual(["sent"]);
    const toAdmin = harness.telegram.calls.filter(
      (c) =>
        Number(c.payload.chat_id) === ADMIN_ID && c.method !== "answerCallbackQuery" && c.method !== "editMessageText",
    );
    const report = toAdmin.filter((c) => c.method !== "sendMessage" || String(c.payload.text).startsWith("📊"));
    expect(report.filter((c) => c.method === "sendMessage")).toHaveLength(1); // the summary once
    const documents = report
      .filter((c) => c.method === "sendDocument")
      .map((c) => Object.values(c.payload).find((v) => typeof v === "object" && v && "name" in v) as { name: string });
    expect(documents.map((d) => d.name.split(".").at(-1))).toEqual(["xlsx", "xlsx", "csv"]); // the refused one, then each once
  }, 40_000);
});
