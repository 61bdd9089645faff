import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestBot, createHarness, openTestBot, type Harness, type Person } from "../helpers/harness.js";
import type { TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
});
afterAll(() => closeTestBot({ database, harness }));

const lastText = (replies: { method: string; text: string }[]) =>
  replies.filter((r) => r.method === "sendMessage").at(-1)?.text;

async function answerAll(
  person: Person,
  answers: { kind: string; tax: string; purpose: string; uses: string[]; jobs: string },
) {
  await person.send(harness.t("ru", "menu.loans"));
  await person.press("loans:check");
  await person.press(`elig:kind:${answers.kind}`);
  await person.press(`elig:tax:${answers.tax}`);
  await person.press(`elig:purpose:${answers.purpose}`);
  for (const use of answers.uses) await person.press(`elig:use:${use}`);
  await person.press("elig:done");
  return person.send(answers.jobs);
}

describe("the loan eligibility check", () => {
  it("passes every rule for an eligible business and shows the programme's limits", async () => {
    const person = await harness.readyPerson();
    const replies = await answerAll(person, {
      kind: "individual",
      tax: "yes",
      purpose: "working_capital",
      uses: ["business"],
      jobs: "3",
    });
    const verdict = lastText(replies)!;
    expect(verdict.startsWith(harness.t("ru", "entrepreneur:verdict.eligible"))).toBe(true);
    expect(verdict).not.toContain("❌");
    expect(verdict).toContain(harness.t("ru", "entrepreneur:rule.not_refinancing"));
    expect(verdict).toMatch(/204\s190\s000 ₸/); // 70,000 MCI × 2,917 ₸ (2021)
    expect(verdict).toContain("60"); // working capital: up to 5 years
  });

  it.each([["consumer"], ["excisable"], ["housing"], ["land"], ["refinancing"]])(
    "refuses a forbidden use: %s, and says what to change",
    async (use) => {
      const person = await harness.readyPerson();
      const verdict = lastText(
        await answerAll(person, { kind: "sme", tax: "yes", purpose: "investment", uses: ["business", use], jobs: "2" }),
      )!;
      expect(verdict.startsWith(harness.t("ru", "entrepreneur:verdict.not_eligible"))).toBe(true);
      expect(verdict).toContain(`❌ ${harness.t("ru", `entrepreneur:rule.not_${use}`)}`);
      expect(verdict).toContain(harness.t("ru", `entrepreneur:fix.not_${use}`));
      expect(
        verdict
          .split("\n")
          .slice(1)
          .filter((line) => line.startsWith("❌")),
      ).toHaveLength(1);
    },
  );

  it("refuses a business not registered with the tax authority, and one creating no jobs", async () => {
    const unregistered = lastText(
      await answerAll(await harness.readyPerson(), {
        kind: "sme",
        tax: "no",
        purpose: "investment",
        uses: ["business"],
        jobs: "1",
      }),
    )!;
    expect(unregistered).toContain(`❌ ${harness.t("ru", "entrepreneur:rule.tax_registered")}`);
    const noJobs = lastText(
      await answerAll(await harness.readyPerson(), {
        kind: "sme",
        tax: "yes",
        purpose: "investment",
        uses: ["business"],
        jobs: "0",
      }),
    )!;
    expect(noJobs).toContain(`❌ ${harness.t("ru", "entrepreneur:rule.new_jobs")}`);
    expect(noJobs).toContain(harness.t("ru", "entrepreneur:fix.new_jobs", { months: 24 }));
  });

  it("asks again on a wrong answer, goes back with the back button, and speaks Kazakh", async () => {
    const person = await harness.readyPerson("kk");
    await person.send(harness.t("kk", "menu.loans"));
    await person.press("loans:check");
    const typed = await person.send("білмеймін");
    expect(typed.map((r) => r.text)).toEqual([
      harness.t("kk", "answer.use_buttons"),
      harness.t("kk", "entrepreneur:ask.kind"),
    ]);
    await person.press("elig:kind:sme");
    const back = await person.press("elig:back");
    expect(lastText(back)).toBe(harness.t("kk", "entrepreneur:ask.kind"));
    await person.press("elig:kind:industrial");
    await person.press("elig:tax:yes");
    await person.press("elig:purpose:investment");
    const empty = await person.press("elig:done");
    expect(harness.telegram.calls.at(-1)!.payload.text).toBe(harness.t("kk", "entrepreneur:uses_empty"));
    expect(empty.filter((r) => r.method === "sendMessage")).toHaveLength(0);
    await person.press("elig:use:business");
    await person.press("elig:done");
    const notNumber = await person.send("үш");
    expect(notNumber[0]!.text).toBe(harness.t("kk", "entrepreneur:jobs_invalid"));
    const verdict = lastText(await person.send("3"))!;
    expect(verdict.startsWith(harness.t("kk", "entrepreneur:verdict.eligible"))).toBe(true);
  });

  it("ticks and unticks uses on the same message", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:check");
    await person.press("elig:kind:sme");
    await person.press("elig:tax:yes");
    await person.press("elig:purpose:investment");
    const ticked = await person.press("elig:use:housing");
    const edit = ticked.find((r) => r.method === "editMessageReplyMarkup")!;
    expect(edit.buttons.find(([, data]) => data === "elig:use:housing")![0]).toMatch(/^☑️/);
    const unticked = await person.press("elig:use:housing");
    expect(
      unticked
        .find((r) => r.method === "editMessageReplyMarkup")!
        .buttons.find(([, d]) => d === "elig:use:housing")![0],
    ).toMatch(/^⬜️/);
  });
});

describe("/cancel", () => {
  it("leaves the conversation at any step and returns to the menu", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:check");
    await person.press("elig:kind:sme");
    const [cancelled] = await person.send("/cancel");
    expect(cancelled!.text).toBe(harness.t("ru", "cancel.done"));
    expect(cancelled!.keyboard).toContain(harness.t("ru", "menu.loans"));
    // the conversation is gone: a number is no longer an answer
    const [after] = await person.send("3");
    expect(after!.text).toBe(harness.t("ru", "faq:no_answer", { contact: harness.t("ru", "faq:contact_any") }));
    const [nothing] = await person.send("/cancel");
    expect(nothing!.text).toBe(harness.t("ru", "cancel.nothing"));
  });
});

describe("back from the first question", () => {
  it("leaves for the menu", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:check");
    const left = await person.press("elig:back");
    expect(lastText(left)).toBe(harness.t("ru", "cancel.done"));
    expect((await person.send("3"))[0]!.text).toBe(
      harness.t("ru", "faq:no_answer", { contact: harness.t("ru", "faq:contact_any") }),
    );
  });
});

describe("a conversation and a restart", () => {
  it("continues on a new bot built on the same database", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:check");
    await person.press("elig:kind:private");
    await person.press("elig:tax:yes");
    expect(await database.db.session.count({ where: { key: `conversation:${person.id}` } })).toBe(1);

    const restarted = await createHarness(database.store);
    const samePerson = restarted.person({ id: person.id });
    const next = await samePerson.pressData("elig:purpose:investment");
    expect(next.find((r) => r.method === "sendMessage")!.text).toBe(harness.t("ru", "entrepreneur:ask.uses"));
    await samePerson.pressData("elig:use:business");
    await samePerson.pressData("elig:done");
    const verdict = (await samePerson.send("5")).at(-1)!.text;
    expect(verdict.startsWith(harness.t("ru", "entrepreneur:verdict.eligible"))).toBe(true);
  });
});
