import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";
import type { TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ adminIds: [555n] }));
});
afterAll(() => closeTestBot({ database, harness }));

const userRow = (telegramId: number) => database.db.user.findUnique({ where: { telegramId: BigInt(telegramId) } });

describe("/start in a new chat", () => {
  it("offers Kazakh first to a kk Telegram, stores the choice and shows the Kazakh menu", async () => {
    const person = harness.person({ languageCode: "kk" });
    const [choice] = await person.send("/start");
    expect(choice!.text).toBe(harness.t("kk", "language.choose"));
    expect(choice!.buttons.map(([, data]) => data)).toEqual(["lang:kk", "lang:ru"]);
    expect((await userRow(person.id))?.language).toBeNull();

    const replies = await person.press("lang:kk");
    expect(replies.find((r) => r.method === "editMessageText")?.text).toBe(harness.t("kk", "language.changed"));
    const welcome = replies.find((r) => r.method === "sendMessage")!;
    expect(welcome.text).toBe(harness.t("kk", "start.welcome"));
    expect(welcome.keyboard).toEqual(
      ["menu.jobs", "menu.loans", "menu.faq", "menu.language", "menu.help"].map((key) => harness.t("kk", key)),
    );
    expect((await userRow(person.id))?.language).toBe("kk");
  });

  it("offers Russian first to anyone else, and later messages keep the stored language", async () => {
    const person = harness.person({ languageCode: "en" });
    const [choice] = await person.send("/start");
    expect(choice!.buttons.map(([, data]) => data)).toEqual(["lang:ru", "lang:kk"]);
    await person.press("lang:ru");
    const [help] = await person.send("/help");
    expect(help!.text).toBe(harness.t("ru", "help.text"));
    const [again] = await person.send("/start");
    expect(again!.text).toBe(harness.t("ru", "start.welcome"));
  });

  it("shows the admin entry only to admins", async () => {
    const admin = harness.person({ id: 555 });
    await admin.send("/start");
    const replies = await admin.press("lang:ru");
    expect(replies.at(-1)!.keyboard).toContain(harness.t("ru", "menu.admin"));
    expect(replies.at(-1)!.keyboard).not.toContain(harness.t("ru", "menu.staff"));
    expect((await userRow(555))?.roles).toEqual(["admin"]);
  });
});

describe("/language", () => {
  it("switches the language at any time, also from the menu button", async () => {
    const person = harness.person({ languageCode: "ru" });
    await person.send("/start");
    await person.press("lang:ru");
    const [choice] = await person.send(harness.t("ru", "menu.language"));
    expect(choice!.text).toBe(harness.t("ru", "language.choose"));
    await person.press("lang:kk");
    expect((await userRow(person.id))?.language).toBe("kk");
    const [menu] = await person.send("/menu");
    expect(menu!.text).toBe(harness.t("kk", "menu.title"));
    await person.send("/language");
    await person.press("lang:ru");
    const [help] = await person.send("/help");
    expect(help!.text).toBe(harness.t("ru", "help.text"));
  });

  it("refuses forged language data without changing anything", async () => {
    const person = harness.person();
    await person.send("/start");
    await person.press("lang:ru");
    const replies = await person.pressData("lang:en");
    const answer = replies.find((r) => r.method === "answerCallbackQuery");
    expect(answer).toBeDefined();
    expect(harness.telegram.calls.at(-1)!.payload.text).toBe(harness.t("ru", "fallback.stale_button"));
    expect((await userRow(person.id))?.language).toBe("ru");
  });
});

describe("anything unrecognised", () => {
  it("gets a short localized answer that points to the menu", async () => {
    const person = harness.person({ languageCode: "kk" });
    await person.send("/start");
    await person.press("lang:kk");
    const [reply] = await person.send("сәлем, бұл не?");
    expect(reply!.text).toBe(harness.t("kk", "faq:no_answer", { contact: harness.t("kk", "faq:contact_any") }));
    expect(reply!.keyboard).toContain(harness.t("kk", "menu.help"));
  });

  it("answers a sticker too", async () => {
    const person = harness.person();
    const replies = await person.deliver({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: person.id, type: "private", first_name: "A" },
        from: { id: person.id, is_bot: false, first_name: "A" },
        sticker: {
          file_id: "x",
          file_unique_id: "x",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    } as never);
    expect(replies[0]!.text).toBe(harness.t("ru", "fallback.unknown"));
  });
});
