// Two instances of the real program in webhook mode on one PostgreSQL, updates handed to them in
// turn: a registration started on one finishes on the other, both work the notification outbox
// while each message is sent exactly once, and the monthly schedule fires once.
import { createServer } from "node:net";
import type { i18n as I18n } from "i18next";
import { MEDEU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../helpers/bot-api-emulator.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { testI18n } from "../helpers/harness.js";
import { Chat, registerThroughChat, startProgram, type Program } from "../helpers/program.js";
import { addProject } from "../helpers/projects.js";
import { addCentre } from "../helpers/staff.js";

const TOKEN = "123456:E2E-token-for-two-instances";
const SECRET = "two-instances-secret-token";
let database: TestDatabase;
let emulator: BotApiEmulator;
let i18n: I18n;
const instances: Array<{ program: Program; port: number }> = [];
let turn = 0;
const ADMIN = 80_003;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Posts each update to the next instance, as a load balancer would; resolves once it is handled. */
async function toNextInstance(update: Record<string, unknown>) {
  const { port } = instances[turn++ % instances.length]!;
  const response = await fetch(`http://127.0.0.1:${port}/hook`, {
    method: "POST",
    body: JSON.stringify({ update_id: 1_000 + turn, ...update }),
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
  });
  if (!response.ok) throw new Error(`instance on ${port} answered ${response.status}`);
}

/**
 * A cron expression for the first minute that starts at least 30 s from now, in Almaty's time:
 * the instances are up by then, and pg-boss (which looks every 30 s) sees it due within that minute.
 */
function cronOfAComingMinute(): string {
  const at = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000 + 5 * 3_600_000);
  return `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`;
}

beforeAll(async () => {
  i18n = await testI18n();
  database = await createTestDatabase();
  emulator = await startBotApiEmulator();
  await database.db.user.create({ data: { telegramId: BigInt(ADMIN), language: "ru", roles: ["admin"] } });
  const reportCron = cronOfAComingMinute();
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const program = startProgram({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: database.url,
      PII_KEY: Buffer.alloc(32, 9).toString("base64"),
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "info",
      BOT_MODE: "webhook",
      ADMIN_TELEGRAM_IDS: String(ADMIN),
      MONTHLY_REPORT_CRON: reportCron,
      WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    instances.push({ program, port });
  }
  await Promise.all(instances.map(({ program }) => program.ready("webhook mode: listening")));
}, 120_000);

afterAll(async () => {
  for (const { program } of instances) program.child.kill("SIGTERM");
  await Promise.all(instances.map(({ program }) => program.exited));
  await emulator.close();
  await database.drop();
});

describe("two webhook instances on one database", () => {
  it("continue one registration across both, and send each notification once", async () => {
    const seeker = new Chat(emulator, i18n, toNextInstance, 80_001);
    await seeker.start();
    await registerThroughChat(seeker, {
      name: "Нұрлан Әбенов",
      birth: "000505",
      centurySex: 5,
      phone: "87012223344",
      status: "job_seeker",
      relocate: true,
    });
    const user = await database.db.user.findUniqueOrThrow({
      where: { telegramId: 80_001n },
      include: { profile: true },
    });
    expect(user.profile).toMatchObject({ fullName: "Нұрлан Әбенов", willingToRelocate: true });

    // Ten referrals at once: both instances' workers race for the notifications.
    const centre = await addCentre(database.db, [MEDEU], "ЦЗН");
    const staffUser = await database.db.user.create({
      data: { telegramId: 80_002n, language: "ru", roles: ["staff"], staff: { create: { centreId: centre.id } } },
    });
    const { actOnApplication } = await import("../../src/services/referrals.js");
    const { createOutbox } = await import("../../src/jobs/outbox.js");
    const { lazyBoss } = await import("../../src/jobs/boss.js");
    const pino = (await import("pino")).default;
    const jobs = lazyBoss(database.url, pino({ level: "silent" }));
    const seekers: number[] = [];
    for (let i = 0; i < 10; i++) {
      const project = await addProject(database.db, {
        districtKato: MEDEU,
        name: `Объект ${i}`,
        lat: 43.25,
        lon: 76.92,
      });
      const person = await database.db.user.create({ data: { telegramId: BigInt(81_000 + i), language: "kk" } });
      const application = await database.db.application.create({
        data: {
          number: `E-${i}`,
          userId: person.id,
          projectId: project.id,
          positionId: project.positions[0]!.id,
          priorityGroup: 1,
          homeDistrictId: project.districtId,
        },
      });
      await actOnApplication(
        { store: database.store, outbox: createOutbox(jobs.get), now: new Date() },
        staffUser.id,
        application.id,
        { action: "refer" },
      );
      seekers.push(81_000 + i);
    }
    await jobs.stop();
    const deadline = Date.now() + 30_000;
    while ((await database.db.notification.count({ where: { sentAt: null } })) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for a duplicate to show up, were there one
    const perSeeker = seekers.map(
      (id) =>
        emulator.calls.filter((call) => call.method === "sendMessage" && Number(call.payload.chat_id) === id).length,
    );
    expect(perSeeker).toEqual(Array(10).fill(1));
    const sentBy = instances.map(
      ({ program }) => program.output.stdout.split("\n").filter((line) => line.includes('"outcome":"sent"')).length,
    );
    console.log(`notifications sent by each instance: ${sentBy.join(" and ")}`);
    expect(sentBy.reduce((a, b) => a + b)).toBe(10);
  }, 120_000);

  it("fire the monthly report once: the admin gets it once, from one of them", async () => {
    const isReport = (call: { method: string; payload: Record<string, unknown> }) =>
      call.method === "sendMessage" &&
      Number(call.payload.chat_id) === ADMIN &&
      String(call.payload.text).startsWith("📊");
    await emulator.waitFor(isReport, 150_000);
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the files, a second apart, and a second firing, were there one
    expect(emulator.calls.filter(isReport)).toHaveLength(1);
    const files = emulator.calls.filter(
      (call) => call.method === "sendDocument" && Number(call.payload.chat_id) === ADMIN,
    );
    expect(files).toHaveLength(2); // XLSX and CSV; the chart comes too when a project had a quota by then
    const [jobs] = await database.db.$queryRaw<
      Array<{ count: number }>
    >`select count(*)::int as count from pgboss.job where name = 'monthly-report'`;
    expect(jobs!.count).toBe(1);
    const ranBy = instances.map(
      ({ program }) =>
        program.output.stdout.split("\n").filter((line) => line.includes('"queue":"monthly-report"')).length,
    );
    console.log(`monthly report jobs run by each instance: ${ranBy.join(" and ")}`);
    expect(ranBy.reduce((a, b) => a + b)).toBe(1);
  }, 180_000);
});
