import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/db/store.js";
import { createUpdateLocks, type UpdateLocks } from "../../src/db/update-locks.js";
import { createHttpServer } from "../../src/server/http.js";
import { createWebApp } from "../../src/web/app.js";
import { createWebhookHandler } from "../../src/server/webhook.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, createHarness, openTestBot, testServices, type Harness } from "../helpers/harness.js";

const SECRET = "webhook-secret-0123456789";
const TOKEN_FOR_WEB = "123456:TEST-token-for-the-recording-client";
const REPLY_WITHIN_MS = 2_000;
let database: TestDatabase;
let harness: Harness;
let locks: UpdateLocks;
let base: string;
let close: () => Promise<void>;

function serve(h: Harness, lockSet: UpdateLocks) {
  const webhook = createWebhookHandler({
    bot: h.bot,
    services: h.services,
    locks: lockSet,
    log: pino({ level: "silent" }),
    secret: SECRET,
    replyWithinMs: REPLY_WITHIN_MS,
  });
  return createHttpServer({
    web: createWebApp({
      services: h.services,
      i18n: h.i18n,
      botToken: TOKEN_FOR_WEB,
      log: pino({ level: "silent" }),
      now: () => new Date(),
    }),
    webhook: { path: "/telegram", handle: webhook.handle },
  });
}

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
  locks = createUpdateLocks(database.url);
  const server = serve(harness, locks);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close();
  await locks.close();
  await closeTestBot({ database, harness });
});

const update = (id: number, chat = 4242) => ({
  update_id: id,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: chat, type: "private" },
    from: { id: chat, is_bot: false, first_name: "A", language_code: "ru" },
    text: "/start",
    entities: [{ type: "bot_command", offset: 0, length: 6 }],
  },
});
const post = (body: string, url = `${base}/telegram`) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body,
  });
const answersTo = (h: Harness, chat: number) =>
  h.telegram.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chat);

describe("the webhook endpoint", () => {
  it("hands an update with the right secret token to the bot", async () => {
    const response = await post(JSON.stringify(update(1)));
    expect(response.status).toBe(200);
    expect(answersTo(harness, 4242).map((c) => c.payload.text)).toEqual([harness.t("ru", "language.choose")]);
  });

  it("processes an update Telegram sends twice only once, also when the second goes to another instance", async () => {
    const other = await createHarness(database.store);
    const otherLocks = createUpdateLocks(database.url);
    const otherServer = serve(other, otherLocks);
    await new Promise<void>((resolve) => otherServer.listen(0, "127.0.0.1", resolve));
    const otherUrl = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}/telegram`;
    const first = JSON.stringify(update(10, 4343));
    const statuses = await Promise.all([post(first), post(first, otherUrl), post(first)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect([...answersTo(harness, 4343), ...answersTo(other, 4343)]).toHaveLength(1);
    expect(await database.db.processedUpdate.count({ where: { updateId: 10n } })).toBe(1);
    await post(JSON.stringify(update(11, 4343))); // the next update of the same chat is answered as usual
    expect(answersTo(harness, 4343).length + answersTo(other, 4343).length).toBe(2);
    await new Promise((resolve) => otherServer.close(resolve));
    await otherLocks.close();
  });

  it("answers 400 to a body that is no update, and goes on", async () => {
    for (const body of [
      "{not json",
      "[]",
      "{}",
      JSON.stringify({ update_id: "x" }),
      JSON.stringify({ update_id: -1 }),
    ]) {
      expect((await post(body)).status).toBe(400);
    }
    expect((await post(JSON.stringify(update(20, 4444)))).status).toBe(200);
    expect(answersTo(harness, 4444)).toHaveLength(1);
  });

  it("answers in time an update that takes longer, which is still handled and marked only then", async () => {
    harness.telegram.delayNext("sendMessage", REPLY_WITHIN_MS + 1_500);
    const started = Date.now();
    const response = await post(JSON.stringify(update(30, 4545)));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(REPLY_WITHIN_MS + 1_000);
    expect(await database.db.processedUpdate.count({ where: { updateId: 30n } })).toBe(0); // not yet handled
    for (let i = 0; i < 60 && answersTo(harness, 4545).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answersTo(harness, 4545)).toHaveLength(1);
    for (let i = 0; i < 20 && (await database.db.processedUpdate.count({ where: { updateId: 30n } })) === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await database.db.processedUpdate.count({ where: { updateId: 30n } })).toBe(1);
  });

  it("refuses an update without the secret token, or with a wrong, shorter, longer or cased one", async () => {
    const before = harness.telegram.calls.length;
    const response = await fetch(`${base}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(update(2)),
    });
    expect(response.status).toBe(401);
    for (const secret of [SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase(), "", "x".repeat(SECRET.length)]) {
      const wrong = await fetch(`${base}/telegram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(update(3)),
      });
      expect(wrong.status, secret).toBe(401);
    }
    expect(harness.telegram.calls.length).toBe(before);
  });
});

describe("GET /healthz", () => {
  it("is 200 while the database answers", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
  });

  it("is 503 when the database does not answer", async () => {
    const deadStore = openStore("postgresql://postgres:postgres@127.0.0.1:1/nothing");
    const server = createHttpServer({
      web: createWebApp({
        services: testServices(deadStore),
        i18n: harness.i18n,
        botToken: TOKEN_FOR_WEB,
        log: pino({ level: "silent" }),
        now: () => new Date(),
      }),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    expect(response.status).toBe(503);
    await new Promise((resolve) => server.close(resolve));
  });
});
