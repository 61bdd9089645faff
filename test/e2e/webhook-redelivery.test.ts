// Two real webhook processes on one database: one is killed in the middle of an update; Telegram's
// redelivery of it to the other is answered once. A malformed body gets 400 and ends nothing.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator } from "../helpers/bot-api-emulator.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { startProgram, type Program } from "../helpers/program.js";

const TOKEN = "123456:E2E-token-for-redelivery";
const SECRET = "redelivery-secret-token";
const CHAT = 90_001;
let database: TestDatabase;
let emulator: BotApiEmulator;
const instances: Array<{ program: Program; port: number }> = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const post = (port: number, body: string) =>
  fetch(`http://127.0.0.1:${port}/hook`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
  });
const start = (updateId: number) =>
  JSON.stringify({
    update_id: updateId,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: CHAT, type: "private" },
      from: { id: CHAT, is_bot: false, first_name: "R", language_code: "ru" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  });
const answers = () =>
  emulator.calls.filter((call) => call.method === "sendMessage" && Number(call.payload.chat_id) === CHAT);

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startBotApiEmulator();
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const program = startProgram({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: database.url,
      PII_KEY: Buffer.alloc(32, 7).toString("base64"),
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "info",
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    instances.push({ program, port });
  }
  await Promise.all(instances.map(({ program }) => program.ready("webhook mode: listening")));
}, 120_000);

afterAll(async () => {
  for (const { program } of instances) if (program.child.exitCode === null) program.child.kill("SIGTERM");
  await Promise.all(instances.map(({ program }) => program.exited));
  await emulator.close();
  await database.drop();
});

describe("webhook updates across two processes", () => {
  it("answers 400 to a malformed body with the right secret, and the process goes on", async () => {
    const [, b] = instances;
    expect((await post(b!.port, "{broken")).status).toBe(400);
    expect((await post(b!.port, JSON.stringify({ message: {} }))).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${b!.port}/healthz`)).status).toBe(200);
    expect(b!.program.child.exitCode).toBeNull();
  });

  it("hands an update whose process was killed in the middle to the other, which answers it once", async () => {
    const [a, b] = instances;
    const held = emulator.holdNext((call) => call.method === "sendMessage" && Number(call.payload.chat_id) === CHAT);
    const first = post(a!.port, start(7_001)).catch(() => "connection lost");
    await held; // A is in the middle of the update: its answer is on the way to Telegram
    a!.program.child.kill("SIGKILL");
    expect(await first).toBe("connection lost");
    expect(await database.db.processedUpdate.count({ where: { updateId: 7_001n } })).toBe(0);

    expect((await post(b!.port, start(7_001))).status).toBe(200); // Telegram sends it again, to B
    await emulator.waitFor((call) => call.method === "sendMessage" && Number(call.payload.chat_id) === CHAT);
    expect((await post(b!.port, start(7_001))).status).toBe(200); // and once more: already handled
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(answers()).toHaveLength(1);
    expect(await database.db.processedUpdate.count({ where: { updateId: 7_001n } })).toBe(1);
  }, 60_000);
});
