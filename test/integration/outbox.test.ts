// The notification outbox on a real pg-boss: written with the change, sent once, retried on
// Telegram errors, given up for people who blocked the bot, and not lost across a restart.
import pino from "pino";
import { telegramSender } from "../../src/bot/notification-sender.js";
import { MEDEU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lazyBoss, NOTIFY_QUEUE } from "../../src/jobs/boss.js";
import { startNotificationWorker } from "../../src/jobs/outbox.js";
import { submitApplication } from "../../src/services/applications.js";
import { notify } from "../../src/services/notifications.js";
import { actOnApplication } from "../../src/services/referrals.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { TestDatabase } from "../helpers/database.js";
import {
  closeTestBot,
  openTestBot,
  makeNotificationsDue,
  type Harness,
  type Person,
  sentTexts,
} from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date("2021-06-01T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let staffUserId: number;
let positionId: number;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW, jobs: true }));
  const project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Школа № 5",
    lat: 43.25,
    lon: 76.92,
    positions: [{ code: "mason", count: 10 }],
  });
  positionId = project.positions[0]!.id;
  const centre = await addCentre(database.db, [MEDEU]);
  staffUserId = (await makeStaff(database.db, harness.person(), centre.id)).id;
});
afterAll(() => closeTestBot({ database, harness }));

async function appliedSeeker(): Promise<{ person: Person; applicationId: number; userId: number }> {
  const person = harness.person();
  const user = await registerSeeker(database.store, person, { iin: makeIin("900101"), districtKato: MEDEU });
  await database.db.user.update({ where: { id: user.id }, data: { language: "kk" } });
  const { application } = await submitApplication(database.store, user.id, positionId, NOW);
  return { person, applicationId: application!.id, userId: user.id };
}

const refer = (applicationId: number) =>
  actOnApplication(
    { store: database.store, outbox: createOutbox(harness.jobs!.get), now: NOW },
    staffUserId,
    applicationId,
    { action: "refer" },
  );
const jobCount = async (state?: string) => {
  const [row] = await database.db.$queryRawUnsafe<Array<{ n: number }>>(
    `select count(*)::int as n from pgboss.job where name = $1 ${state ? "and state = $2" : ""}`,
    ...(state ? [NOTIFY_QUEUE, state] : [NOTIFY_QUEUE]),
  );
  return row!.n;
};

describe("the notification outbox", () => {
  it("writes the notification and its job with the referral, and sends it once, in the seeker's language", async () => {
    const { person, applicationId } = await appliedSeeker();
    const result = await refer(applicationId);
    if (!result.ok) throw new Error(`the referral was refused: ${result.refusal}`);
    const notification = await database.db.notification.findUniqueOrThrow({
      where: { eventKey: `application:${applicationId}:referred` },
    });
    expect(notification.sentAt).toBeNull();
    expect(await jobCount("created")).toBe(1);

    expect(await harness.flushNotifications()).toEqual(["sent"]);
    const [text] = sentTexts(person.sentToMe());
    expect(text).toContain(result.referralNumber);
    expect(text).toContain("Абай даңғылы, 10"); // the centre's Kazakh address
    expect(text!.startsWith("✅ №")).toBe(true);
    expect(
      (await database.db.notification.findUniqueOrThrow({ where: { id: notification.id } })).sentAt,
    ).not.toBeNull();

    // However often the same event is written or its job delivered again, one message.
    await database.store.transaction((tx) =>
      notify(tx, createOutbox(harness.jobs!.get), {
        userId: notification.userId,
        kind: "referred",
        payload: {},
        eventKey: notification.eventKey,
      }),
    );
    const { deliverNotification } = await import("../../src/jobs/outbox.js");
    expect(
      await deliverNotification(
        {
          services: { delivery: harness.services.delivery }, // the outbox is given only its group
          sender: telegramSender(harness.outboxApi, harness.i18n, "roadmap_test_bot"),
          log: pino({ level: "silent" }),
        },
        notification.id,
      ),
    ).toBe("skipped");
    expect(await harness.flushNotifications()).toEqual([]);
    expect(sentTexts(person.sentToMe())).toHaveLength(1);
  });

  it("writes nothing when the change's transaction rolls back", async () => {
    const { userId } = await appliedSeeker();
    const before = await jobCount();
    await expect(
      database.store.transaction(async (tx) => {
        await notify(tx, createOutbox(harness.jobs!.get), {
          userId,
          kind: "hired",
          payload: { applicationId: 0 },
          eventKey: "rolled-back",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.notification.count({ where: { eventKey: "rolled-back" } })).toBe(0);
    expect(await jobCount()).toBe(before);
  });

  it("retries after a Telegram error, and waits Telegram's retry_after", async () => {
    const { person, applicationId } = await appliedSeeker();
    await refer(applicationId);
    harness.telegram.failNext("sendMessage", "Internal Server Error", 500);
    const [first] = await harness.flushNotifications();
    expect(first).toEqual({ failed: "Call to 'sendMessage' failed! (500: Internal Server Error)" });
    const row = await database.db.notification.findUniqueOrThrow({
      where: { eventKey: `application:${applicationId}:referred` },
    });
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(await jobCount("retry")).toBe(1); // pg-boss holds it for its backoff

    const dueNow = () => makeNotificationsDue(database.db);
    await dueNow();
    harness.telegram.failNext("sendMessage", "Too Many Requests: retry after 30", 429, { retry_after: 30 });
    expect(await harness.flushNotifications()).toEqual([{ retryAfterSeconds: 30 }]);
    const [delayed] = await database.db.$queryRawUnsafe<Array<{ wait: number }>>(
      `select extract(epoch from start_after - now())::float as wait from pgboss.job where name = $1 and state = 'created'`,
      NOTIFY_QUEUE,
    );
    expect(delayed!.wait).toBeGreaterThan(25); // Telegram's 30 s, not pg-boss's backoff
    expect(await harness.flushNotifications()).toEqual([]); // not due yet

    await dueNow();
    expect(await harness.flushNotifications()).toEqual(["sent"]);
    const texts = sentTexts(person.sentToMe());
    expect(texts).toHaveLength(3); // two refused by Telegram, one delivered
    expect(new Set(texts).size).toBe(1);
    expect((await database.db.notification.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(2); // a 429 is no failed attempt
  });

  it("marks a person who blocked the bot and does not try them again", async () => {
    const { applicationId, userId } = await appliedSeeker();
    await refer(applicationId);
    harness.telegram.failNext("sendMessage", "Forbidden: bot was blocked by the user", 403);
    expect(await harness.flushNotifications()).toEqual(["blocked"]);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: userId } })).blockedAt).not.toBeNull();
    expect(
      await database.db.notification.findUniqueOrThrow({
        where: { eventKey: `application:${applicationId}:referred` },
      }),
    ).toMatchObject({ sentAt: null, lastError: expect.stringContaining("blocked") });

    const calls = harness.telegram.calls.length;
    await actOnApplication(
      { store: database.store, outbox: createOutbox(harness.jobs!.get), now: NOW },
      staffUserId,
      applicationId,
      { action: "reject", reason: "did_not_come" },
    );
    expect(await harness.flushNotifications()).toEqual(["blocked"]);
    expect(harness.telegram.calls.length).toBe(calls); // no call to Telegram for a blocked person
  });

  it("is not lost when the process stops before or while sending: the next process delivers it", async () => {
    const { person, applicationId } = await appliedSeeker();
    const { person: second, applicationId: secondApplication } = await appliedSeeker();
    await refer(applicationId);
    await refer(secondApplication);
    // A worker takes the second job and dies before finishing it (its process was killed).
    const dying = await harness.jobs!.get();
    const [taken] = await dying.fetch(NOTIFY_QUEUE, { batchSize: 1 });
    expect(taken).toBeDefined();
    await database.db.$executeRawUnsafe(
      `update pgboss.job set expire_in = interval '1 second' where id = $1::uuid`,
      taken!.id,
    );

    // The restarted process: its own pg-boss and worker.
    const restarted = lazyBoss(database.url, pino({ level: "silent" }), { maintenanceIntervalSeconds: 1 });
    const boss = await restarted.get();
    await startNotificationWorker(boss, {
      services: { delivery: harness.services.delivery }, // the outbox is given only its group
      sender: telegramSender(harness.outboxApi, harness.i18n, "roadmap_test_bot"),
      log: pino({ level: "silent" }),
    });
    const deadline = Date.now() + 20_000;
    while (
      Date.now() < deadline &&
      (await database.db.notification.count({ where: { sentAt: null, failedAt: null } })) > 0
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await restarted.stop();
    expect(sentTexts(person.sentToMe())).toHaveLength(1);
    expect(sentTexts(second.sentToMe())).toHaveLength(1);
  }, 30_000);
});
