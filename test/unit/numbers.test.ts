import { describe, expect, it } from "vitest";
import { parseAmountTiyn, parseMonths, parsePercent } from "../../src/domain/numbers.js";

describe("amounts the way people type them", () => {
  it.each([
    ["5 000 000", 500_000_000],
    ["5000000", 500_000_000],
    ["5 млн", 500_000_000],
    ["5,5 млн", 550_000_000],
    ["5.5 млн", 550_000_000],
    ["5,5млн", 550_000_000],
    ["2 миллиона", 200_000_000],
    ["800 тыс", 80_000_000],
    ["1 200 000 ₸", 120_000_000],
    ["750000 тг", 75_000_000],
    ["5\u00a0000\u00a0000", 500_000_000],
    ["204 190 000", 20_419_000_000],
  ])("%s → %i tiyn", (text, tiyn) => {
    expect(parseAmountTiyn(text)).toBe(tiyn);
  });

  it.each(["", "пять миллионов", "5 000 00", "5 бананов", "-5", "5..5", "1e9"])("refuses %j", (text) => {
    expect(parseAmountTiyn(text)).toBeNull();
  });
});

describe("terms and rates", () => {
  it.each([
    ["36", 36],
    ["36 мес", 36],
    ["24 ай", 24],
    ["3 года", 36],
    ["5 лет", 60],
    ["2 жыл", 24],
  ])("%s → %i months", (text, months) => {
    expect(parseMonths(text)).toBe(months);
  });
  it.each(["три", "3 недели", "1.5"])("refuses the term %j", (text) => expect(parseMonths(text)).toBeNull());
  it.each([
    ["6", 6],
    ["5,5", 5.5],
    ["5.5 %", 5.5],
    ["0", 0],
  ])("%s → %d %", (text, rate) => expect(parsePercent(text)).toBe(rate));
  it.each(["six", "6%%", "-1"])("refuses the rate %j", (text) => expect(parsePercent(text)).toBeNull());
});
