// Input no form expects: floods, groups, channels, media, edits, overlong texts, junk buttons.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH } from "../../src/bot/middlewares/chat-guards.js";
import { DEFAULT_RATE_LIMIT } from "../../src/bot/middlewares/rate-limit.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, createHarness, openTestBot, type Harness, type Person, sentTexts } from "../helpers/harness.js";

let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
});
afterAll(() => closeTestBot({ database, harness }));

const now = () => Math.floor(Date.now() / 1000);
const from = (id: number) => ({ id, is_bot: false, first_name: "Ерлан", language_code: "kk" });
let nextUpdate = 900_000;
/** Hands a raw update to the bot and returns every API call it made because of it. */
async function handle(update: Omit<Update, "update_id">) {
  const before = harness.telegram.calls.length;
  await harness.bot.handleUpdate({ update_id: nextUpdate++, ...update } as Update);
  return harness.telegram.calls.slice(before);
}

describe("a flood from one person", () => {
  it("is answered up to the limit, then once with 'please slow down' in their language, then not at all until the window passes", async () => {
    const limited = await createHarness(database.store, { rateLimit: DEFAULT_RATE_LIMIT });
    const person = limited.person({ languageCode: "kk" });
    const replies: string[][] = [];
    for (let i = 0; i < DEFAULT_RATE_LIMIT.updates + 10; i++) replies.push(sentTexts(await person.send("/help")));
    const help = limited.t("kk", "help.text");
    expect(replies.slice(0, DEFAULT_RATE_LIMIT.updates).every((texts) => texts.includes(help))).toBe(true);
    expect(replies[DEFAULT_RATE_LIMIT.updates]).toEqual([limited.t("kk", "errors.slow_down")]);
    expect(replies.slice(DEFAULT_RATE_LIMIT.updates + 1).flat()).toEqual([]);
    // someone else is not slowed down by it
    expect(sentTexts(await limited.person({ languageCode: "ru" }).send("/help"))).toContain(
      limited.t("ru", "help.text"),
    );
    await new Promise((resolve) => setTimeout(resolve, DEFAULT_RATE_LIMIT.perMilliseconds + 100));
    expect(sentTexts(await person.send("/help"))).toContain(help);
  }, 20_000);
});

describe("group chats and channels", () => {
  const group = { id: -100123, type: "supergroup" as const, title: "Жұмыс іздейміз" };

  it("a group gets one polite message in both languages, and the bot leaves it", async () => {
    const added = await handle({
      my_chat_member: {
        chat: group,
        from: from(5001),
        date: now(),
        old_chat_member: { status: "left", user: { id: 42, is_bot: true, first_name: "Roadmap" } },
        new_chat_member: { status: "member", user: { id: 42, is_bot: true, first_name: "Roadmap" } },
      },
    });
    const link = "https://t.me/roadmap_test_bot";
    expect(added.map((c) => c.method)).toEqual(["sendMessage", "leaveChat"]);
    expect(added[0]!.payload.text).toBe(
      `${harness.t("kk", "groups.private_only", { link })}\n\n${harness.t("ru", "groups.private_only", { link })}`,
    );
    expect(added[0]!.payload.chat_id).toBe(group.id);
    const again = await handle({
      message: { message_id: 2, date: now(), chat: group, from: from(5002), text: "/start" },
    });
    expect(again).toEqual([]);
    expect(await database.db.user.count({ where: { telegramId: { in: [5001n, 5002n] } } })).toBe(0);
  });

  it("channel posts are ignored", async () => {
    const channel = { id: -100777, type: "channel" as const, title: "Жаңалықтар" };
    expect(
      await handle({ channel_post: { message_id: 1, date: now(), chat: channel, text: "/start" } } as never),
    ).toEqual([]);
  });
});

describe("in a private chat", () => {
  let person: Person;
  beforeAll(async () => {
    person = await harness.readyPerson("ru");
  });
  const chat = () => ({ id: person.id, type: "private" as const, first_name: "Айгерім" });
  const message = (content: Record<string, unknown>) =>
    person.deliver({
      message: {
        message_id: 10,
        date: now(),
        chat: chat(),
        from: { id: person.id, is_bot: false, first_name: "Айгерім", language_code: "ru" },
        ...content,
      },
    } as never);

  it("a sticker, a photo, a voice message or a location out of place gets the menu, not silence", async () => {
    const unknown = harness.t("ru", "fallback.unknown");
    const media = [
      {
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
      { photo: [{ file_id: "p", file_unique_id: "p", width: 90, height: 90 }] },
      { voice: { file_id: "v", file_unique_id: "v", duration: 3 } },
      { contact: { phone_number: "+77011234567", first_name: "Кто-то" } },
    ];
    for (const content of media) expect(sentTexts(await message(content))).toEqual([unknown]);
  });

  it(`a text over ${MAX_TEXT_LENGTH} characters is refused with the limit, and nothing is stored from it`, async () => {
    const before = await database.db.faqQuestion.count();
    const replies = await person.send("пособие ".repeat(600));
    expect(sentTexts(replies)).toEqual([harness.t("ru", "errors.too_long", { max: MAX_TEXT_LENGTH })]);
    expect(await database.db.faqQuestion.count()).toBe(before);
  });

  it("a sticker in the middle of registration asks the question again, an edited message is not an answer, and the registration goes on", async () => {
    expect(sentTexts(await person.pressData("seek:register"))).toEqual([harness.t("ru", "seeker:consent.text")]);
    expect(sentTexts(await person.pressData("reg:yes")).at(-1)).toBe(harness.t("ru", "seeker:ask.name"));
    const sticker = sentTexts(
      await message({
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      }),
    );
    expect(sticker.length).toBeGreaterThan(0);
    expect(sticker.at(-1)).toBe(harness.t("ru", "seeker:ask.name"));
    const edited = await person.deliver({
      edited_message: {
        message_id: 9,
        date: now(),
        edit_date: now(),
        chat: chat(),
        from: { id: person.id, is_bot: false, first_name: "Айгерім" },
        text: "Иван Иванов",
      },
    } as never);
    expect(edited).toEqual([]);
    expect(sentTexts(await person.send("Айгерім Сәрсенова")).at(-1)).toBe(harness.t("ru", "seeker:ask.iin"));
    expect(
      (await database.db.session.findMany({ where: { key: `conversation:${person.id}` } })).map((row) =>
        JSON.stringify(row.value),
      )[0],
    ).not.toContain("Иван Иванов");
    await person.send("/cancel");
  });

  it("junk, empty and overlong callback data get 'this button is out of date'", async () => {
    for (const data of [
      "",
      "x",
      "stf:",
      "prj:card:-1",
      "reg:region:0",
      "rep:m:zz:2021-13",
      "a".repeat(300),
      "app:w:99999999999",
      "\u0000\u202e",
    ]) {
      const replies = await person.pressData(data);
      const toast = replies.find((r) => r.method === "answerCallbackQuery");
      expect(toast, data).toBeDefined();
      expect(sentTexts(replies).filter((text) => text === harness.t("ru", "errors.generic"))).toEqual([]);
    }
  });
});

describe("Telegram answering an error", () => {
  it.each([
    ["429 with retry_after", 429, "Too Many Requests: retry after 1", { retry_after: 1 }],
    ["500", 500, "Internal Server Error", undefined],
  ] as const)(
    "%s: the message is sent again and arrives",
    async (_, code, description, parameters) => {
      const person = await harness.readyPerson("kk");
      harness.telegram.failNext("sendMessage", description, code, parameters);
      const replies = await person.send("/help");
      const attempts = replies.filter((r) => r.method === "sendMessage").map((r) => r.text);
      expect(attempts).toEqual([harness.t("kk", "help.text"), harness.t("kk", "help.text")]); // the refused one, then the retry
      expect(sentTexts(replies)).not.toContain(harness.t("kk", "errors.generic"));
    },
    20_000,
  );
});
