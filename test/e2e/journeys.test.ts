// Whole journeys through the real program (src/main.ts) and the Bot API emulator: an admin invites
// a staff member, a job seeker registers, finds a project near them and applies, the staff member
// issues the referral and the job seeker is told by the outbox worker; an entrepreneur gets a schedule.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { i18n as I18n } from "i18next";
import { MEDEU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator, type UploadedFile } from "../helpers/bot-api-emulator.js";
import { readPdf } from "../helpers/pdf.js";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { testI18n } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { addCentre } from "../helpers/staff.js";
import { buttonsOf, Chat, registerThroughChat, startProgram, text, type Program } from "../helpers/program.js";

const TOKEN = "123456:E2E-token-for-the-journeys";
const METRICS_TOKEN = "e2e-metrics-token-0123456789";
const ADMIN = 70_001;
let database: TestDatabase;
let emulator: BotApiEmulator;
let i18n: I18n;
let program: Program;
let port: number;

/** A port free on this machine now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: free } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

const buttons = buttonsOf;
const person = (id: number, lang: "kk" | "ru" = "ru") =>
  new Chat(emulator, i18n, async (update) => emulator.push(update as never), id, lang);

beforeAll(async () => {
  i18n = await testI18n();
  database = await createTestDatabase();
  emulator = await startBotApiEmulator();
  await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района");
  await addProject(database.db, {
    districtKato: MEDEU,
    name: "Школа № 15",
    lat: 43.2567,
    lon: 76.9286,
    positions: [{ code: "mason", count: 5, wage: 150_000 }],
  });
  port = await freePort();
  program = startProgram({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: database.url,
    PORT: String(port),
    WEB_APP_URL: `http://127.0.0.1:${port}/desk`,
    PII_KEY: Buffer.alloc(32, 5).toString("base64"),
    SEED_DEMO_DATA: "false",
    LOG_LEVEL: "info",
    ADMIN_TELEGRAM_IDS: String(ADMIN),
    METRICS_TOKEN: METRICS_TOKEN,
  });
  await program.ready("polling: the bot is running");
}, 90_000);

afterAll(async () => {
  program.child.kill("SIGTERM");
  await program.exited;
  await emulator.close();
  await database.drop();
});

describe("journeys through the real program", () => {
  it("serves /healthz and the staff desk on PORT in polling mode too", async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe("ok");
    const desk = await fetch(`http://127.0.0.1:${port}/desk`);
    expect(desk.status).toBe(200);
    expect(await desk.text()).toContain("/desk/static/desk.js");
    expect((await fetch(`http://127.0.0.1:${port}/desk/app/queue`)).status).toBe(401);
  });

  it("admin invites staff; a job seeker registers, applies near them; the referral reaches them", async () => {
    const admin = person(ADMIN);
    await admin.start();
    const centre = await database.db.employmentCentre.findFirstOrThrow();
    const invitation = await admin.press(`adm:inv:${centre.id}`);
    const token = /start=(s[A-Za-z0-9_-]{24})/.exec(String(invitation.payload.text))![1]!;

    const staff = person(70_002, "kk");
    await staff.send(`/start ${token}`);
    await staff.press(
      `lang:kk:${token}`,
      text(staff.t("staff:invitation.accepted", { centre: "ЦЗН Медеуского района (kk)" })),
    );
    await admin.send(
      "/menu",
      text(admin.t("notifications:invitation_used", { centre: "ЦЗН Медеуского района", person: "P70002" })),
    );

    const seeker = person(70_003);
    await seeker.start();
    await registerThroughChat(seeker, {
      name: "Айгерім Серікқызы",
      birth: "050315",
      centurySex: 6,
      phone: "+7 701 234 56 78",
      status: "registered_unemployed",
      relocate: false,
    });

    const list = await seeker.location(
      43.2567,
      76.9286,
      text(seeker.t("projects:list.title_near", { page: 1, pages: 1 })),
    );
    const card = buttons(list).find((b) => b.text.startsWith("Школа № 15"))!;
    const opened = await seeker.press(card.callback_data!, (call) =>
      String(call.payload.text).startsWith("🏗 Школа № 15"),
    );
    const apply = buttons(opened).find((b) => b.callback_data?.startsWith("apl:start:"))!;
    const positions = await seeker.press(apply.callback_data!, (call) =>
      buttons(call).some((b) => b.callback_data?.startsWith("apl:pos:")),
    );
    const position = buttons(positions).find((b) => b.callback_data?.startsWith("apl:pos:"))!;
    const confirm = await seeker.press(position.callback_data!, (call) =>
      buttons(call).some((b) => b.callback_data?.startsWith("apl:ok:")),
    );
    await seeker.press(buttons(confirm).find((b) => b.callback_data?.startsWith("apl:ok:"))!.callback_data!, (call) =>
      String(call.payload.text).startsWith("Заявка №"),
    );
    const application = await database.db.application.findFirstOrThrow();
    expect(application).toMatchObject({ status: "submitted", priorityGroup: 0 }); // unemployed youth

    const queue = await staff.press("stf:q:1:all:0", (call) => call.method === "editMessageText");
    expect(buttons(queue).some((b) => b.text.includes(application.number))).toBe(true);
    await staff.press(`stf:ref:${application.id}`, (call) => /ALM-\d{4}-\d{6}/.test(String(call.payload.text)));
    const referral = (await database.db.application.findUniqueOrThrow({ where: { id: application.id } }))
      .referralNumber!;
    expect(referral).toMatch(/^ALM-\d{4}-000001$/);

    // The outbox worker of the running program tells the seeker, once.
    const told = await emulator.waitFor(
      (call) => Number(call.payload.chat_id) === seeker.id && String(call.payload.text).includes(referral),
      30_000,
    );
    expect(String(told.payload.text)).toContain("пр. Абая, 10");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      emulator.calls.filter(
        (call) => Number(call.payload.chat_id) === seeker.id && String(call.payload.text).includes(referral),
      ),
    ).toHaveLength(1);
  }, 120_000);

  it("the referral's PDF goes to the seeker; staff invite the contractor, who checks its QR code and records the hire; the seeker is told", async () => {
    const application = await database.db.application.findFirstOrThrow({ where: { status: "referred" } });
    const seekerId = Number(
      (await database.db.user.findUniqueOrThrow({ where: { id: application.userId! } })).telegramId,
    );
    const sent = await emulator.waitFor(
      (call) => call.method === "sendDocument" && Number(call.payload.chat_id) === seekerId,
      30_000,
    );
    const [pdf] = sent.payload.files as UploadedFile[];
    expect(pdf!.name).toBe(`referral-${application.referralNumber}.pdf`);
    const read = await readPdf(pdf!.bytes);
    expect(read.text).toContain(application.referralNumber!);
    const code = /start=(r\d+_[A-Za-z0-9_-]{22})$/.exec(read.qrCodes[0]!)![1]!;

    const staff = person(70_002, "kk");
    const project = await database.db.project.findUniqueOrThrow({ where: { id: application.projectId } });
    const invitation = await staff.press(`stf:inv:${project.id}`, (call) => /start=c/.test(String(call.payload.text)));
    const token = /start=(c[A-Za-z0-9_-]{24})/.exec(String(invitation.payload.text))![1]!;
    const contractor = person(70_005);
    await contractor.send(`/start ${token}`);
    await contractor.press(`lang:ru:${token}`, (call) => String(call.payload.text).includes("Школа № 15-Строй"));

    // The QR code opened by the project's contractor: the check, with the outcome's buttons.
    const check = await contractor.send(`/start ${code}`, (call) =>
      buttons(call).some((b) => b.callback_data === `ctr:hire:${application.id}`),
    );
    expect(String(check.payload.text)).toContain(contractor.t("referral:check.state.valid"));
    await contractor.press(`ctr:hire:${application.id}`, text(contractor.t("staff:typed.ask.contract_date")));
    const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10).split("-").reverse().join(".");
    await contractor.send(today, text(contractor.t("staff:typed.ask.wage")));
    await contractor.send("150 000", text(contractor.t("contractor:person.recorded")));
    expect(await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "hired",
      outcomeBy: "contractor",
    });
    const hired = (call: { method: string; payload: Record<string, unknown> }) =>
      call.method === "sendMessage" &&
      Number(call.payload.chat_id) === seekerId &&
      String(call.payload.text).includes(`№ ${application.number} вы приняты на работу`);
    await emulator.waitFor(hired, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(emulator.calls.filter(hired)).toHaveLength(1);
  }, 120_000);

  it("an entrepreneur computes the repayments and receives the schedule file", async () => {
    const entrepreneur = person(70_004);
    await entrepreneur.start();
    await entrepreneur.send(entrepreneur.t("menu.loans"));
    await entrepreneur.press("loans:calc");
    await entrepreneur.press("calc:purpose:investment");
    await entrepreneur.send("10 млн");
    await entrepreneur.send("36");
    await entrepreneur.send("6");
    await entrepreneur.send("3", (call) =>
      buttons(call).some((b) => b.callback_data === "calc:gk:principal_and_interest"),
    );
    await entrepreneur.press("calc:gk:principal_and_interest", (call) =>
      buttons(call).some((b) => b.callback_data === "calc:kind:annuity"),
    );
    await entrepreneur.press("calc:kind:annuity", (call) => call.method === "sendDocument");
  }, 60_000);

  it("counts the journeys in /metrics (the scenario's own numbers), for the one who has METRICS_TOKEN only", async () => {
    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer not-the-token-at-all" } })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the last updates' handling ends
    const answer = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(answer.status).toBe(200);
    const families = parsePrometheusTextFormat(await answer.text());
    const family = (name: string) => families.find((f) => f.name === name)!;
    const total = (name: string, labels: Record<string, string>) =>
      family(name)
        .metrics.filter((m) => Object.entries(labels).every(([key, value]) => m.labels?.[key] === value))
        .reduce((sum, m) => sum + Number(m.value), 0);

    // Every update the emulator handed out, by kind, handled once.
    for (const kind of ["message", "callback_query"]) {
      const pushed = emulator.pushed.filter((update) => kind in update).length;
      expect(pushed).toBeGreaterThan(0);
      expect(total("bot_updates_total", { kind }), kind).toBe(pushed);
    }
    expect(total("bot_updates_total", { outcome: "error" })).toBe(0);
    expect(family("bot_update_duration_seconds").type).toBe("HISTOGRAM");
    // Every call Telegram received, by method, counted by the bot's and the outbox's clients.
    for (const method of ["sendMessage", "sendDocument", "answerCallbackQuery"])
      expect(total("telegram_api_calls_total", { method }), method).toBe(
        emulator.calls.filter((call) => call.method === method).length,
      );
    // The outbox as the database has it; the pool; the process's own.
    expect(total("outbox_sent", {})).toBe(await database.db.notification.count({ where: { sentAt: { not: null } } }));
    expect(total("outbox_waiting", {})).toBe(0);
    expect(total("db_pool_total", {})).toBeGreaterThan(0);
    expect(family("nodejs_eventloop_lag_seconds")).toBeDefined();
    // pg-boss's queues as its table has them (the outbox's sent jobs among them).
    const [completed] = await database.db.$queryRawUnsafe<Array<{ count: number }>>(
      `select count(*)::int as count from pgboss.job where name = 'notify' and state = 'completed'`,
    );
    expect(completed!.count).toBeGreaterThan(0);
    expect(total("jobs", { queue: "notify", state: "completed" })).toBe(completed!.count);
    expect(total("http_requests_total", { route: "/healthz", status: "200" })).toBeGreaterThanOrEqual(1);
    // Nothing of a person in a label.
    const labels = families.flatMap((f) => f.metrics.flatMap((m) => Object.values(m.labels ?? {})));
    for (const id of [ADMIN, 70_002, 70_003, 70_004, 70_005])
      expect(labels.some((label) => label.includes(String(id)))).toBe(false);
  });
});
