// The monthly schedule with two workers (two pg-boss instances, as two bot instances would have)
// on one database: the report and the reminder each fire once, and every centre's staff and every
// admin receive the previous month's report once, with its chart and files.
import pino from "pino";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIGURES_REMINDER_QUEUE, MONTHLY_REPORT_QUEUE, startBoss } from "../../src/jobs/boss.js";
import { startMonthlyJobs } from "../../src/jobs/monthly.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import { staffData } from "../../src/bot/callback-data/staff.js";
import { formatNumber } from "../../src/presentation/format.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, testServices, type Harness, type Person } from "../helpers/harness.js";
import { addReportData } from "../helpers/report-data.js";
import { ALMALY, BOSTANDYK, KYZYLORDA_CITY } from "../helpers/places.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

// 09:00 on 1 June 2021 in Almaty, as the bot sees it: the report is May's.
const NOW = new Date("2021-06-01T04:00:00Z");
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
let database: TestDatabase;
let harness: Harness;
let workers: PgBoss[] = [];
let almaty: Person[];
let kyzylorda: Person;
let admin: Person;
let ids: Record<string, number>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cron expression due in the current minute of Almaty's clock (the next one near a minute's end). */
async function cronOfThisMinute(): Promise<string> {
  if (new Date().getUTCSeconds() > 45) await sleep((61 - new Date().getUTCSeconds()) * 1000);
  const almatyNow = new Date(Date.now() + 5 * 3_600_000);
  return `${almatyNow.getUTCMinutes()} ${almatyNow.getUTCHours()} * * *`;
}

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW, jobs: true }));
  const db = database.db;
  ids = await addReportData(db);
  // P2 has no figures for May: its centre is reminded.
  await db.monthlyFigure.delete({ where: { projectId_month: { projectId: ids.P2!, month: new Date("2021-05-01") } } });
  almaty = [harness.person(), harness.person()];
  kyzylorda = harness.person();
  admin = harness.person();
  const almatyCentre = await addCentre(db, [ALMALY, BOSTANDYK], "ЦЗН города Алматы");
  for (const person of almaty) await makeStaff(db, person, almatyCentre.id);
  await makeStaff(db, kyzylorda, (await addCentre(db, [KYZYLORDA_CITY], "ЦЗН Кызылорды")).id);
  await db.user.create({ data: { telegramId: BigInt(admin.id), language: "kk", roles: ["admin"] } });

  const cron = await cronOfThisMinute();
  for (let i = 0; i < 2; i++) {
    const boss = await startBoss(database.url, log, { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 });
    workers.push(boss);
    await startMonthlyJobs(
      boss,
      {
        services: testServices(
          database.store,
          createOutbox(async () => boss),
        ),
        log,
        now: () => NOW,
      },
      { reportCron: cron, reminderCron: cron },
    );
  }
}, 60_000);

afterAll(async () => {
  for (const boss of workers) await boss.stop({ graceful: false, wait: true });
  workers = [];
  await closeTestBot({ database, harness });
});

describe("the monthly schedule with two workers", () => {
  it("fires each job once and writes one message per person", async () => {
    const expected = 2 + 1 + 1 + 2; // reports: Almaty's two staff, Kyzylorda's one, the admin; reminders: Almaty's two
    const deadline = Date.now() + 30_000;
    while ((await database.db.notification.count()) < expected && Date.now() < deadline) await sleep(250);
    await sleep(3_000); // both workers keep looking every second: nothing more may come
    expect(await database.db.notification.count()).toBe(expected);
    const jobs = await database.db.$queryRaw<Array<{ name: string; count: number }>>`
      select name, count(*)::int as count from pgboss.job where name in (${MONTHLY_REPORT_QUEUE}, ${FIGURES_REMINDER_QUEUE}) group by name order by name`;
    expect(jobs).toEqual([
      { name: FIGURES_REMINDER_QUEUE, count: 1 },
      { name: MONTHLY_REPORT_QUEUE, count: 1 },
    ]);
  }, 45_000);

  it("sends each centre's staff its districts' report of May, and the admins the country's, in their language", async () => {
    await harness.flushAll(); // a staff member's report and reminder go a second apart
    for (const person of almaty) {
      const sent = person.sentToMe();
      const summary = sent.find((r) => r.text.startsWith("📊"))!;
      expect(summary.text).toContain(
        harness.t("ru", "report:summary.title", { month: "май 2021", scope: "ЦЗН города Алматы" }),
      );
      expect(summary.text).toContain(harness.t("ru", "report:summary.contractors", { count: "1" }));
      expect(sent.map((r) => r.method).filter((m) => m !== "sendMessage")).toEqual([
        "sendPhoto",
        "sendDocument",
        "sendDocument",
      ]);
    }
    const kyzylordaSummary = kyzylorda.sentToMe().filter((r) => r.text.startsWith("📊"));
    expect(kyzylordaSummary).toHaveLength(1);
    expect(kyzylordaSummary[0]!.text).toContain(
      harness.t("ru", "report:summary.jobs", {
        jobs: "10",
        hired: "1",
        wage: harness.t("ru", "common:money", { amount: formatNumber(200_000, "ru") }),
      }),
    );
    const adminSummary = admin.sentToMe().filter((r) => r.text.startsWith("📊"));
    expect(adminSummary).toHaveLength(1);
    expect(adminSummary[0]!.text).toContain(
      harness.t("kk", "report:summary.title", { month: "2021 жылғы мамыр", scope: harness.t("kk", "report:country") }),
    );
  });

  it("reminds only the centre whose project has no figures for May, with a button to enter them", () => {
    const reminderStart = harness.t("ru", "notifications:figures_missing", {
      month: "май 2021",
      centre: "ЦЗН города Алматы",
      count: 1,
      day: 10,
    });
    for (const person of almaty) {
      const reminders = person.sentToMe().filter((r) => r.text === reminderStart);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.buttons.map(([, data]) => data)).toEqual([staffData.figures(ids.P2!, "2021-05")]);
    }
    expect(kyzylorda.sentToMe().filter((r) => r.text.startsWith("⏰"))).toEqual([]);
  });
});
