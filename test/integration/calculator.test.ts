import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, sentTexts } from "../helpers/harness.js";
import { fileOf, type ApiCall } from "../helpers/telegram.js";

let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => new Date("2021-06-01T00:00:00Z") }));
});
afterAll(() => closeTestBot({ database, harness }));

const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

async function readWorkbook(call: ApiCall) {
  const file = fileOf(call);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as never);
  return { name: file.name, sheet: workbook.worksheets[0]! };
}

describe("the repayment calculator", () => {
  it("computes an annuity with a grace period and sends the schedule as XLSX in the person's language", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    const start = await person.press("loans:calc");
    expect(sentTexts(start)).toEqual([harness.t("ru", "loans:calc.intro"), harness.t("ru", "loans:calc.ask.purpose")]);
    const amountQuestion = await person.press("calc:purpose:investment");
    expect(normalise(sentTexts(amountQuestion)[0]!)).toBe(
      normalise(harness.t("ru", "loans:calc.ask.amount", { max: "204 190 000,00" })),
    );
    await person.send("1 млн");
    await person.send("12");
    await person.send("6");
    const graceKind = await person.send("4");
    expect(sentTexts(graceKind)).toEqual([harness.t("ru", "loans:calc.ask.grace_kind", { months: 4 })]);
    const kindQuestion = await person.press("calc:gk:principal");
    expect(sentTexts(kindQuestion)).toEqual([harness.t("ru", "loans:calc.ask.kind")]);
    const replies = await person.press("calc:kind:annuity");

    const summary = normalise(sentTexts(replies)[0]!);
    expect(summary).toContain(normalise(harness.t("ru", "loans:calc.result.annuity", { payment: "127 828,86" })));
    expect(summary).toContain(
      normalise(harness.t("ru", "loans:calc.result.grace", { months: 4, interest: "5 000,00" })),
    );
    expect(summary).toContain(normalise(harness.t("ru", "loans:calc.result.grace_lender", { max: 40 })));
    const document = harness.telegram.calls.filter((c) => c.method === "sendDocument").at(-1)!;
    expect(document.payload.caption).toBe(harness.t("ru", "loans:xlsx.caption"));
    const { name, sheet } = await readWorkbook(document);
    expect(name).toBe(harness.t("ru", "loans:xlsx.file_name"));
    expect(sheet.name).toBe(harness.t("ru", "loans:xlsx.sheet"));
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...["month", "principal", "interest", "deferred", "payment", "balance"].map((k) =>
        harness.t("ru", `loans:xlsx.${k}`),
      ),
    ]);
    expect(sheet.rowCount).toBe(1 + 12 + 1);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, 0, 5000, 0, 5000, 1_000_000]);
    expect(sheet.getRow(6).getCell(5).value).toBe(127_828.86);
    expect(sheet.getRow(13).getCell(6).value).toBe(0);
    const totals = sheet.getRow(14);
    expect(totals.getCell(1).value).toBe(harness.t("ru", "loans:xlsx.total"));
    expect(totals.getCell(2).value).toBe(1_000_000);
    expect(typeof totals.getCell(3).value).toBe("number");
  });

  it("shows first and last payment for equal principal, in Kazakh", async () => {
    const person = await harness.readyPerson("kk");
    await person.send(harness.t("kk", "menu.loans"));
    await person.press("loans:calc");
    await person.press("calc:purpose:working_capital");
    await person.send("1 200 000");
    await person.send("1 жыл");
    await person.send("6");
    await person.send("0");
    const replies = await person.press("calc:kind:equal_principal");
    const summary = normalise(sentTexts(replies)[0]!);
    expect(summary).toContain(
      normalise(harness.t("kk", "loans:calc.result.equal_principal", { first: "106 000,00", last: "100 500,00" })),
    );
    expect(summary).not.toContain(
      harness.t("kk", "loans:calc.result.grace", { months: 0, interest: "0" }).slice(0, 20),
    );
    const { sheet } = await readWorkbook(harness.telegram.calls.filter((c) => c.method === "sendDocument").at(-1)!);
    expect(sheet.getRow(1).getCell(2).value).toBe(harness.t("kk", "loans:xlsx.principal"));
    expect(sheet.getRow(14).getCell(3).value).toBe(39_000);
  });

  it("refuses each limit with its reason and asks again", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:calc");
    await person.press("calc:purpose:working_capital");
    const tooMuch = await person.send("205 млн");
    expect(normalise(sentTexts(tooMuch)[0]!)).toBe(
      normalise(harness.t("ru", "loans:calc.limit.amount_max", { max: "204 190 000,00", mci: "70 000" })),
    );
    expect(sentTexts(tooMuch)[1]).toMatch(/^Сумма кредита/);
    expect(sentTexts(await person.send("пять миллионов"))[0]).toBe(harness.t("ru", "loans:calc.invalid.amount"));
    await person.send("5,5 млн");
    expect(sentTexts(await person.send("61"))[0]).toBe(harness.t("ru", "loans:calc.limit.term_range", { max: 60 }));
    await person.send("60");
    expect(sentTexts(await person.send("6,5"))[0]).toBe(harness.t("ru", "loans:calc.limit.rate_max", { max: 6 }));
    await person.send("6");
    expect(sentTexts(await person.send("41"))[0]).toBe(
      harness.t("ru", "loans:calc.limit.grace_max", { max: 40, cap: 40 }),
    );
    const graceKind = await person.send("40"); // a third of the budget credit's 10 years, whatever the loan's term
    expect(sentTexts(graceKind)).toEqual([harness.t("ru", "loans:calc.ask.grace_kind", { months: 40 })]);
  });

  it("defers the interest too when asked, and shows how it is spread, also in the XLSX", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:calc");
    await person.press("calc:purpose:investment");
    await person.send("1 200 000");
    await person.send("12");
    await person.send("6");
    await person.send("3");
    await person.press("calc:gk:principal_and_interest");
    const replies = await person.press("calc:kind:equal_principal");
    const summary = normalise(sentTexts(replies)[0]!);
    expect(summary).toContain(
      normalise(
        harness.t("ru", "loans:calc.result.grace_deferred", {
          months: 3,
          deferred: "18 000,00",
          parts: 9,
          part: "2 000,00",
        }),
      ),
    );
    const { sheet } = await readWorkbook(harness.telegram.calls.filter((c) => c.method === "sendDocument").at(-1)!);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, 0, 0, 6000, 0, 1_200_000]);
    expect(sheet.getRow(5).getCell(3).value).toBe(8000); // 6,000 of the month and 2,000 of the grace
    expect(sheet.getRow(14).getCell(4).value).toBe(18_000);
    expect(sheet.getRow(14).getCell(5).value).toBe(1_200_000 + Number(sheet.getRow(14).getCell(3).value));
  });

  it("goes back a step with the back button", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:calc");
    await person.press("calc:purpose:investment");
    await person.send("3 млн");
    const back = await person.press("calc:back");
    expect(normalise(sentTexts(back)[0]!)).toMatch(/^Сумма кредита/);
  });

  it("starts from an eligible verdict with the purpose carried over", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.loans"));
    await person.press("loans:check");
    await person.press("elig:kind:sme");
    await person.press("elig:tax:yes");
    await person.press("elig:purpose:working_capital");
    await person.press("elig:use:business");
    await person.press("elig:done");
    const verdict = await person.send("2");
    expect(verdict.at(-1)!.buttons).toEqual([[harness.t("ru", "loans:menu.calc"), "loans:calc:working_capital"]]);
    const calc = await person.press("loans:calc:working_capital");
    expect(normalise(sentTexts(calc)[1]!)).toMatch(/^Сумма кредита/); // no purpose question
    await person.send("1 млн");
    expect(sentTexts(await person.send("61"))[0]).toBe(harness.t("ru", "loans:calc.limit.term_range", { max: 60 }));
  });
});

describe("where to apply", () => {
  it("names both regional lenders and the usual documents", async () => {
    const person = await harness.readyPerson("kk");
    await person.send(harness.t("kk", "menu.loans"));
    const [text] = sentTexts(await person.press("loans:where"));
    expect(text).toContain("«Аграрлық кредиттік корпорация» АҚ");
    expect(text).toContain("АШҚҚҚ");
    expect(text).toContain(harness.t("kk", "loans:where.documents"));
  });
});
