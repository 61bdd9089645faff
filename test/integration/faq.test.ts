// Questions typed to the bot: an answer in the question's language with its source, related
// questions and "did not help"; no guess under the threshold; admins see what went unanswered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "../../prisma/data/faq.js";
import { adminData } from "../../src/bot/callback-data/admin.js";
import { faqData } from "../../src/bot/callback-data/faq.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";

const ADMIN_ID = 6_200_001;
let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ adminIds: [BigInt(ADMIN_ID)] }));
});
afterAll(() => closeTestBot({ database, harness }));

const entry = (id: string) => FAQ_ENTRIES.find((e) => e.id === id)!;
const answerOf = (lang: "kk" | "ru", id: string) =>
  harness.t(lang, "faq:answer", {
    question: entry(id)[lang].q,
    answer: entry(id)[lang].a,
    source: entry(id)[lang].source,
  });

describe("a question in the person's own words", () => {
  it("gets the entry's answer with its source, related questions and 'did not help'", async () => {
    const person = await harness.readyPerson("ru");
    const [reply] = await person.send("под какой процент дают кредит?");
    expect(reply!.text).toBe(answerOf("ru", "loan_rate"));
    const [last, ...related] = reply!.buttons.reverse();
    expect(last).toEqual([harness.t("ru", "faq:not_helpful"), expect.stringMatching(/^faq:no:\d+$/)]);
    expect(related.length).toBeLessThanOrEqual(3);
    for (const [label, data] of related)
      expect(FAQ_ENTRIES.find((e) => faqData.entry(e.id) === data)?.ru.q).toBe(label);
    const stored = await database.db.faqQuestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(stored).toMatchObject({
      text: "под какой процент дают кредит?",
      language: "ru",
      entryId: "loan_rate",
      helpful: null,
    });
  });

  it("answers in the question's language, whatever the person's", async () => {
    const person = await harness.readyPerson("ru");
    const [reply] = await person.send("көтермеақы деген не?");
    expect(reply!.text).toBe(answerOf("kk", "relocation_allowance"));
  });

  it("opens a related question, and records 'did not help' for the admins", async () => {
    const person = await harness.readyPerson("ru");
    const [reply] = await person.send("ставка и срок кредита");
    const related = reply!.buttons.find(([, data]) => data.startsWith("faq:e:"))!;
    const opened = await person.press(related[1]);
    expect(opened.find((r) => r.method === "sendMessage")!.text).toBe(
      answerOf("ru", related[1].slice("faq:e:".length)),
    );
    const marked = await person.press(harness.t("ru", "faq:not_helpful"));
    expect(marked.find((r) => r.method === "sendMessage")!.text).toBe(
      harness.t("ru", "faq:recorded", { contact: harness.t("ru", "faq:contact_any") }),
    );
    expect((await database.db.faqQuestion.findFirstOrThrow({ where: { text: "ставка и срок кредита" } })).helpful).toBe(
      false,
    );
  });

  it("does not let someone mark another person's question", async () => {
    const owner = await harness.readyPerson("ru");
    await owner.send("какая зарплата у работников по направлению");
    const question = await database.db.faqQuestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    const stranger = await harness.readyPerson("ru");
    const replies = await stranger.pressData(faqData.notHelpful(question.id));
    expect(replies.some((r) => r.text === harness.t("ru", "fallback.stale_button"))).toBe(true);
    expect((await database.db.faqQuestion.findUniqueOrThrow({ where: { id: question.id } })).helpful).toBeNull();
  });
});

describe("a question the knowledge base cannot answer", () => {
  it("gets no guess: the menu and where to go, and is kept for the admins", async () => {
    const person = await harness.readyPerson("kk");
    const [reply] = await person.send("ертең ауа райы қандай");
    expect(reply!.text).toBe(harness.t("kk", "faq:no_answer", { contact: harness.t("kk", "faq:contact_any") }));
    expect(reply!.keyboard).toContain(harness.t("kk", "menu.help"));
    const other = await harness.readyPerson("ru");
    await other.send("Ертең  ауа райы қандай");
    expect(await database.db.faqQuestion.count({ where: { entryId: null } })).toBe(2);
  });

  it("is listed for admins, the most frequent first", async () => {
    const admin = harness.person({ id: ADMIN_ID });
    await admin.send("/start");
    await admin.press("lang:ru");
    const replies = await admin.pressData(adminData.unanswered());
    const text = replies.find((r) => r.method === "editMessageText")!.text;
    const lines = text.split("\n");
    expect(lines[0]).toBe(harness.t("ru", "faq:unanswered.title"));
    expect(lines[1]).toMatch(/^2 × Ертең\s+ауа райы қандай$/i);
    expect(lines).toContain(harness.t("ru", "faq:unanswered.line", { count: 1, text: "ставка и срок кредита" }));
  });

  it("is kept and listed without IIN- or phone-shaped numbers", async () => {
    const person = await harness.readyPerson("ru");
    await person.send("ертең ауа райы қандай, ЖСН 990909300123, тел. +7 (701) 555-05-05, 2026 ж.");
    const stored = await database.db.faqQuestion.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(stored.text).toBe("ертең ауа райы қандай, ЖСН •••, тел. •••, 2026 ж.");
    expect(stored.entryId).toBeNull();
    const admin = harness.person({ id: ADMIN_ID });
    const shown = (await admin.pressData(adminData.unanswered())).find((r) => r.method === "editMessageText")!.text;
    expect(shown).toContain("ЖСН •••, тел. •••");
    expect(shown).not.toMatch(/990909|555-05/);
  });

  it("is not the admins' list for anyone else", async () => {
    const person = await harness.readyPerson("ru");
    const replies = await person.pressData(adminData.unanswered());
    expect(replies.some((r) => r.text === harness.t("ru", "errors.not_allowed"))).toBe(true);
  });
});

describe("the FAQ menu entry", () => {
  it("invites a question and offers frequent ones", async () => {
    const person = await harness.readyPerson("kk");
    const [reply] = await person.send(harness.t("kk", "menu.faq"));
    expect(reply!.text).toBe(harness.t("kk", "faq:intro"));
    expect(reply!.buttons.map(([label]) => label)).toContain(entry("wage").kk.q);
  });
});
