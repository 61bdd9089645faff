// Whole journeys through the real program (src/main.ts) and the Bot API emulator: an admin invites
// a staff member, a job seeker registers, finds a project near them and applies, the staff member
// issues the referral and the job seeker is told by the outbox worker; an entrepreneur gets a schedule.
import { spawn } from "node:child_process";
import path from "node:path";
import type { i18n as I18n } from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../helpers/bot-api-emulator.js";
import type { ApiCall } from "../helpers/telegram.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { testI18n } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { makeIin } from "../helpers/seekers.js";
import { addCentre } from "../helpers/staff.js";

const root = path.resolve(import.meta.dirname, "../..");
const TOKEN = "123456:E2E-token-for-the-journeys";
const ADMIN = 70_001;
let database: TestDatabase;
let emulator: BotApiEmulator;
let i18n: I18n;
let program: ReturnType<typeof spawn>;
let output = "";

/** One person's chat with the bot through the emulator. */
class Chat {
  private messageId = 1;
  constructor(readonly id: number, readonly lang: "kk" | "ru" = "ru") {}
  private get from() {
    return { id: this.id, is_bot: false, first_name: `P${this.id}`, language_code: this.lang };
  }
  private get chat() {
    return { id: this.id, type: "private", first_name: `P${this.id}` };
  }
  t(key: string, options?: Record<string, unknown>) {
    return i18n.getFixedT(this.lang)(key, options);
  }
  /** Pushes an update and waits for the bot's call that `until` accepts, among the calls it makes to this chat. */
  private async exchange(update: Record<string, unknown>, until: (call: ApiCall) => boolean): Promise<ApiCall> {
    const before = emulator.calls.length;
    emulator.push(update as never);
    return emulator.waitFor((call) => emulator.calls.indexOf(call) >= before && Number(call.payload.chat_id) === this.id && until(call), 30_000);
  }
  send(text: string, until: (call: ApiCall) => boolean = () => true) {
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
    return this.exchange({ message: { message_id: this.messageId++, date: 0, chat: this.chat, from: this.from, text, entities } }, until);
  }
  location(latitude: number, longitude: number, until: (call: ApiCall) => boolean) {
    return this.exchange({ message: { message_id: this.messageId++, date: 0, chat: this.chat, from: this.from, location: { latitude, longitude } } }, until);
  }
  press(data: string, until: (call: ApiCall) => boolean = (call) => call.method !== "answerCallbackQuery") {
    return this.exchange({ callback_query: { id: String(this.messageId++), from: this.from, chat_instance: "e2e", data, message: { message_id: 500, date: 0, chat: this.chat, text: "" } } }, until);
  }
  async start() {
    await this.send("/start");
    await this.press(`lang:${this.lang}`, (call) => call.payload.text === this.t("start.welcome"));
  }
}

const text = (expected: string) => (call: ApiCall) => call.payload.text === expected;
const buttons = (call: ApiCall) =>
  ((call.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> })?.inline_keyboard ?? []).flat();

beforeAll(async () => {
  i18n = await testI18n();
  database = await createTestDatabase();
  emulator = await startBotApiEmulator();
  await addCentre(database.db, ["751710000"], "ЦЗН Алмалинского района");
  await addProject(database.db, { districtKato: "751710000", name: "Школа № 15", lat: 43.2567, lon: 76.9286, positions: [{ code: "mason", count: 5, wage: 150_000 }] });
  program = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root, stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: database.url,
      PII_KEY: Buffer.alloc(32, 5).toString("base64"), SEED_DEMO_DATA: "false", LOG_LEVEL: "info", ADMIN_TELEGRAM_IDS: String(ADMIN),
    },
  });
  program.stdout!.on("data", (chunk) => (output += chunk));
  program.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes("polling: the bot is running")) {
    if (Date.now() > deadline || program.exitCode !== null) throw new Error(`the bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  program.kill("SIGTERM");
  await new Promise((resolve) => program.once("exit", resolve));
  await emulator.close();
  await database.drop();
});

describe("journeys through the real program", () => {
  it("admin invites staff; a job seeker registers, applies near them; the referral reaches them", async () => {
    const admin = new Chat(ADMIN);
    await admin.start();
    const centre = await database.db.employmentCentre.findFirstOrThrow();
    const invitation = await admin.press(`adm:inv:${centre.id}`);
    const token = /start=(s[A-Za-z0-9_-]{24})/.exec(String(invitation.payload.text))![1]!;

    const staff = new Chat(70_002, "kk");
    await staff.send(`/start ${token}`);
    await staff.press(`lang:kk:${token}`, text(staff.t("staff:invitation.accepted", { centre: "ЦЗН Алмалинского района (kk)" })));
    await admin.send("/menu", text(admin.t("notifications:invitation_used", { centre: "ЦЗН Алмалинского района", person: "P70002" })));

    const seeker = new Chat(70_003);
    await seeker.start();
    await seeker.press("seek:register", text(seeker.t("seeker:consent.text")));
    await seeker.press("reg:yes", text(seeker.t("seeker:ask.name")));
    await seeker.send("Айгерім Серікқызы", text(seeker.t("seeker:ask.iin")));
    await seeker.send(makeIin("050315", 6), text(seeker.t("seeker:ask.iin_confirm", { birth: "15.03.2005", sex: seeker.t("seeker:sex.female") })));
    await seeker.press("reg:yes", text(seeker.t("seeker:ask.phone_typed")));
    await seeker.send("+7 701 234 56 78", text(seeker.t("seeker:ask.status")));
    await seeker.press("reg:status:registered_unemployed", text(seeker.t("seeker:ask.studying")));
    await seeker.press("reg:no", text(seeker.t("seeker:ask.working")));
    await seeker.press("reg:no", text(seeker.t("seeker:ask.place_or_list")));
    await seeker.location(43.25, 76.92, (call) => String(call.payload.text).includes("Алмалин"));
    await seeker.press("reg:yes", text(seeker.t("seeker:ask.professions")));
    await seeker.press("reg:any", text(seeker.t("seeker:ask.relocate")));
    await seeker.press("reg:no", text(seeker.t("seeker:registration.done")));

    const list = await seeker.location(43.2567, 76.9286, text(seeker.t("projects:list.title_near", { page: 1, pages: 1 })));
    const card = buttons(list).find((b) => b.text.startsWith("Школа № 15"))!;
    const opened = await seeker.press(card.callback_data!, (call) => String(call.payload.text).startsWith("🏗 Школа № 15"));
    const apply = buttons(opened).find((b) => b.callback_data?.startsWith("apl:start:"))!;
    const positions = await seeker.press(apply.callback_data!, (call) => buttons(call).some((b) => b.callback_data?.startsWith("apl:pos:")));
    const position = buttons(positions).find((b) => b.callback_data?.startsWith("apl:pos:"))!;
    const confirm = await seeker.press(position.callback_data!, (call) => buttons(call).some((b) => b.callback_data?.startsWith("apl:ok:")));
    await seeker.press(buttons(confirm).find((b) => b.callback_data?.startsWith("apl:ok:"))!.callback_data!, (call) => String(call.payload.text).startsWith("Заявка №"));
    const application = await database.db.application.findFirstOrThrow();
    expect(application).toMatchObject({ status: "submitted", priorityGroup: 0 }); // unemployed youth

    const queue = await staff.press("stf:q:1:all:0", (call) => call.method === "editMessageText");
    expect(buttons(queue).some((b) => b.text.includes(application.number))).toBe(true);
    await staff.press(`stf:ref:${application.id}`, (call) => /ALM-\d{4}-\d{6}/.test(String(call.payload.text)));
    const referral = (await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).referralNumber!;
    expect(referral).toMatch(/^ALM-\d{4}-000001$/);

    // The outbox worker of the running program tells the seeker, once.
    const told = await emulator.waitFor((call) => Number(call.payload.chat_id) === seeker.id && String(call.payload.text).includes(referral), 30_000);
    expect(String(told.payload.text)).toContain("пр. Абая, 10");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(emulator.calls.filter((call) => Number(call.payload.chat_id) === seeker.id && String(call.payload.text).includes(referral))).toHaveLength(1);
  }, 120_000);

  it("an entrepreneur computes the repayments and receives the schedule file", async () => {
    const entrepreneur = new Chat(70_004);
    await entrepreneur.start();
    await entrepreneur.send(entrepreneur.t("menu.loans"));
    await entrepreneur.press("loans:calc");
    await entrepreneur.press("calc:purpose:investment");
    await entrepreneur.send("10 млн");
    await entrepreneur.send("36");
    await entrepreneur.send("6");
    await entrepreneur.send("3", (call) => buttons(call).some((b) => b.callback_data === "calc:kind:annuity"));
    await entrepreneur.press("calc:kind:annuity", (call) => call.method === "sendDocument");
  }, 60_000);
});
