import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../src/db/client.js";
import { createHttpServer } from "../../src/server/http.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { createHarness, type Harness } from "../helpers/harness.js";

const SECRET = "webhook-secret-0123456789";
let database: TestDatabase;
let harness: Harness;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  database = await createTestDatabase();
  harness = await createHarness(database.db, { dropRepeatedUpdates: true });
  const server = createHttpServer({ db: database.db, bot: harness.bot, webhookPath: "/telegram", secret: SECRET });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close();
  await database.drop();
});

const update = (id: number) => ({
  update_id: id,
  message: { message_id: 1, date: 0, chat: { id: 4242, type: "private" }, from: { id: 4242, is_bot: false, first_name: "A", language_code: "ru" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
});

describe("the webhook endpoint", () => {
  it("hands an update with the right secret token to the bot", async () => {
    const response = await fetch(`${base}/telegram`, {
      method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update(1)),
    });
    expect(response.status).toBe(200);
    const sent = harness.telegram.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === 4242);
    expect(sent.map((c) => c.payload.text)).toEqual([harness.t("ru", "language.choose")]);
  });

  it("processes an update Telegram sends twice only once, also when the second goes to another instance", async () => {
    const other = await createHarness(database.db, { dropRepeatedUpdates: true });
    const post = (body: unknown) => fetch(`${base}/telegram`, {
      method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(body),
    });
    const first = { ...update(10), message: { ...update(10).message, chat: { id: 4343, type: "private" }, from: { ...update(10).message.from, id: 4343 } } };
    expect((await post(first)).status).toBe(200);
    expect((await post(first)).status).toBe(200);
    await other.bot.handleUpdate(first as never);
    const answers = [...harness.telegram.calls, ...other.telegram.calls].filter((c) => c.method === "sendMessage" && c.payload.chat_id === 4343);
    expect(answers).toHaveLength(1);
    expect(await database.db.processedUpdate.count({ where: { updateId: 10n } })).toBe(1);
    // the next update of the same chat is answered as usual
    await post({ ...first, update_id: 11 });
    expect(harness.telegram.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === 4343)).toHaveLength(2);
  });

  it("refuses an update without the secret token", async () => {
    const before = harness.telegram.calls.length;
    const response = await fetch(`${base}/telegram`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(update(2)) });
    expect(response.status).toBe(401);
    expect(harness.telegram.calls.length).toBe(before);
  });
});

describe("GET /healthz", () => {
  it("is 200 while the database answers", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
  });

  it("is 503 when the database does not answer", async () => {
    const deadDb = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:1/nothing");
    const server = createHttpServer({ db: deadDb });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    expect(response.status).toBe(503);
    await new Promise((resolve) => server.close(resolve));
  });
});
