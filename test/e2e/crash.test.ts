// The real program killed with SIGKILL (no shutdown of any kind) and started again: in the middle
// of a registration, and in the middle of sending notifications, one message still on its way.
import type { i18n as I18n } from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lazyBoss } from "../../src/jobs/boss.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import { createLogger } from "../../src/logger.js";
import { notify } from "../../src/services/notifications.js";
import { startBotApiEmulator, type BotApiEmulator } from "../helpers/bot-api-emulator.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { testI18n } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { Chat, startProgram, text, type Program } from "../helpers/program.js";
import { addProject } from "../helpers/projects.js";
import { makeIin } from "../helpers/seekers.js";

const TOKEN = "123456:E2E-token-for-the-crash-test";
const PEOPLE = 30;
let database: TestDatabase;
let emulator: BotApiEmulator;
let i18n: I18n;
let program: Program;

function start(): Program {
  program = startProgram({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: database.url,
    PII_KEY: Buffer.alloc(32, 5).toString("base64"),
    SEED_DEMO_DATA: "false",
    LOG_LEVEL: "info",
  });
  return program;
}

async function killHard() {
  program.child.kill("SIGKILL");
  expect(await program.exited).toBeNull(); // killed by the signal, no exit code of its own
}

beforeAll(async () => {
  i18n = await testI18n();
  database = await createTestDatabase();
  emulator = await startBotApiEmulator();
  await start().ready("polling: the bot is running");
}, 90_000);

afterAll(async () => {
  if (program.child.exitCode === null && program.child.signalCode === null) {
    program.child.kill("SIGTERM");
    await program.exited;
  }
  await emulator.close();
  await database.drop();
});

/** The stored conversation state of a chat, as text. */
async function conversationState(chatId: number): Promise<string> {
  const row = await database.db.session.findUnique({ where: { key: `conversation:${chatId}` } });
  return JSON.stringify(row?.value ?? null);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("killed with SIGKILL and started again", () => {
  it("a registration goes on at the question it stood at", async () => {
    const chat = new Chat(emulator, i18n, async (update) => emulator.push(update as never), 70_001);
    await chat.start();
    await chat.press("seek:register", text(chat.t("seeker:consent.text")));
    await chat.press("reg:yes", text(chat.t("seeker:ask.name")));
    await chat.send("Гүлмира Оспанова", text(chat.t("seeker:ask.iin")));
    const asked = await conversationState(70_001);
    await chat.send(
      makeIin("880412", 4),
      text(chat.t("seeker:ask.iin_confirm", { birth: "12.04.1988", sex: chat.t("seeker:sex.female") })),
    );
    // The state is saved just after the question is sent: killed in between, the bot would find the
    // question before (a crash can always fall there). This test kills it once the state is saved.
    await waitUntil(async () => (await conversationState(70_001)) !== asked);

    await killHard();
    await start().ready("polling: the bot is running");

    await chat.press("reg:yes", text(chat.t("seeker:ask.phone_typed")));
    await chat.send("87015550011", text(chat.t("seeker:ask.status")));
    await chat.press("reg:status:job_seeker", text(chat.t("seeker:ask.studying")));
    await chat.press("reg:no", text(chat.t("seeker:ask.working")));
    await chat.press("reg:no", text(chat.t("seeker:ask.place_or_list")));
    await chat.location(43.25, 76.92, (call) => String(call.payload.text).includes("Алмалин"));
    await chat.press("reg:yes", text(chat.t("seeker:ask.professions")));
    await chat.press("reg:any", text(chat.t("seeker:ask.relocate")));
    await chat.press("reg:no", text(chat.t("seeker:registration.done")));
    const profile = await database.db.seekerProfile.findFirstOrThrow({ where: { user: { telegramId: 70_001n } } });
    expect(profile.fullName).toBe("Гүлмира Оспанова");
  }, 120_000);

  it("every notification is delivered exactly once, the one on its way at the kill included", async () => {
    const project = await addProject(database.db, { districtKato: MEDEU, name: "Мектеп № 12", lat: 43.2, lon: 76.9 });
    const ids = Array.from({ length: PEOPLE }, (_, i) => 71_000 + i);
    const users = await Promise.all(
      ids.map((id) => database.db.user.create({ data: { telegramId: BigInt(id), language: "kk" } })),
    );
    const isOurs = (chatId: unknown) => ids.includes(Number(chatId));
    const delivered = () =>
      emulator.calls.filter((call) => call.method === "sendMessage" && isOurs(call.payload.chat_id));

    // hold the 13th message: it is on its way when the process dies
    let seen = 0;
    const onItsWay = emulator.holdNext(
      (call) => call.method === "sendMessage" && isOurs(call.payload.chat_id) && ++seen === 13,
    );
    const jobs = lazyBoss(database.url, createLogger("silent"));
    const outbox = createOutbox(jobs.get);
    for (const user of users) {
      await database.store.transaction((tx) =>
        notify(tx, outbox, {
          userId: user.id,
          kind: "project_match",
          payload: { projectId: project.id },
          eventKey: `crash-test:${user.id}`,
        }),
      );
    }
    await jobs.stop();
    const held = await onItsWay;
    await killHard();
    expect(delivered()).toHaveLength(12);

    await start().ready("polling: the bot is running");
    const deadline = Date.now() + 45_000;
    while (new Set(delivered().map((call) => call.payload.chat_id)).size < PEOPLE && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // room for a duplicate to show
    const perChat = new Map<number, number>();
    for (const call of delivered())
      perChat.set(Number(call.payload.chat_id), (perChat.get(Number(call.payload.chat_id)) ?? 0) + 1);
    expect([...perChat.values()].filter((count) => count !== 1)).toEqual([]);
    expect(perChat.size).toBe(PEOPLE);
    expect(perChat.has(Number(held.payload.chat_id))).toBe(true);
    expect(await database.db.notification.count({ where: { sentAt: null } })).toBe(0);
    expect(program.output.stdout).toContain("unsent notifications queued again");
  }, 120_000);
});
