// The real program (src/main.ts, as `npm start` runs it) against the Bot API emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../helpers/bot-api-emulator.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { testI18n } from "../helpers/harness.js";
import { startProgram } from "../helpers/program.js";

const TOKEN = "123456:E2E-token-for-the-bot-api-emulator";

describe("the program", () => {
  let database: TestDatabase;
  let emulator: BotApiEmulator;
  let program: ReturnType<typeof startProgram>;

  beforeAll(async () => {
    database = await createTestDatabase();
    emulator = await startBotApiEmulator();
    program = startProgram({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: database.url,
      PII_KEY: Buffer.alloc(32, 3).toString("base64"),
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "info",
    });
    await program.ready("polling: the bot is running");
  }, 90_000);

  afterAll(async () => {
    if (program.child.exitCode === null) program.child.kill("SIGKILL");
    await emulator.close();
    await database.drop();
  });

  it("starts polling and publishes its commands in Kazakh and Russian", async () => {
    expect(program.child.exitCode, program.output.stderr).toBeNull();
    const i18n = await testI18n();
    const kk = await emulator.waitFor((c) => c.method === "setMyCommands" && c.payload.language_code === "kk");
    expect(
      (kk.payload.commands as Array<{ command: string; description: string }>).find((c) => c.command === "cancel")
        ?.description,
    ).toBe(i18n.getFixedT("kk")("commands.cancel"));
    await emulator.waitFor((c) => c.method === "setMyCommands" && c.payload.language_code === "ru");
  });

  it("registers its upkeep schedule at start-up: conversations left unanswered are dropped every quarter of an hour", async () => {
    const schedules = await database.db.$queryRawUnsafe<Array<{ name: string; cron: string }>>(
      "select name, cron from pgboss.schedule order by name",
    );
    expect(schedules).toContainEqual({ name: "conversation-expiry", cron: "*/15 * * * *" });
  });

  it("answers /start with the language choice, then the menu in the chosen language", async () => {
    const i18n = await testI18n();
    const from = { id: 901, is_bot: false, first_name: "Дәулет", language_code: "kk" };
    const chat = { id: 901, type: "private", first_name: "Дәулет" };
    emulator.push({
      message: {
        message_id: 1,
        date: 0,
        chat,
        from,
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    } as never);
    const choice = await emulator.waitFor((c) => c.method === "sendMessage" && c.payload.chat_id === 901);
    expect(choice.payload.text).toBe(i18n.getFixedT("kk")("language.choose"));
    emulator.push({
      callback_query: {
        id: "1",
        from,
        chat_instance: "x",
        data: "lang:kk",
        message: { message_id: 2, date: 0, chat, text: "" },
      },
    } as never);
    const welcome = await emulator.waitFor(
      (c) => c.method === "sendMessage" && c.payload.text === i18n.getFixedT("kk")("start.welcome"),
    );
    expect(welcome.payload.chat_id).toBe(901);
    const user = await database.db.user.findUnique({ where: { telegramId: 901n } });
    expect(user?.language).toBe("kk");
  });

  it("stops cleanly on SIGTERM", async () => {
    program.child.kill("SIGTERM");
    expect(await program.exited).toBe(0);
    expect(program.output.stdout).toContain('"msg":"stopped"');
  }, 30_000);
});

describe("an invalid configuration", () => {
  it("prints one clear line naming the variable and exits 1 without a stack trace", async () => {
    const program = startProgram({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.kz/hook",
      WEBHOOK_SECRET: "short",
    });
    expect(await program.exited).toBe(1);
    expect(program.output.stderr.trim()).toBe(
      "Configuration error: WEBHOOK_SECRET must be at least 16 characters when BOT_MODE=webhook",
    );
  }, 30_000);
});
