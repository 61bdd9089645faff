import { describe, expect, it } from "vitest";
import { parseCount, parseDay } from "../../src/domain/numbers.js";
import { isOpenStatus, nextStatus } from "../../src/domain/project-status.js";
import { canDo, referralNumber } from "../../src/domain/referral.js";

describe("what staff may do in each status", () => {
  it.each([
    ["refer", "submitted", true],
    ["refer", "referred", false],
    ["refer", "withdrawn", false],
    ["reject", "submitted", true],
    ["reject", "referred", true],
    ["reject", "hired", false],
    ["hire", "referred", true],
    ["hire", "submitted", false],
    ["hire", "no_show", false],
    ["no_show", "referred", true],
    ["no_show", "submitted", false],
    ["no_show", "rejected", false],
  ] as const)("%s from %s: %s", (action, status, allowed) => {
    expect(canDo(action, status)).toBe(allowed);
  });
});

describe("referral numbers", () => {
  it("carry the region, the year and six digits", () => {
    expect(referralNumber("ALM", 2021, 123)).toBe("ALM-2021-000123");
    expect(referralNumber("AST", 2020, 1)).toBe("AST-2020-000001");
    expect(referralNumber("SHY", 2021, 1_234_567)).toBe("SHY-2021-1234567");
  });
});

describe("project statuses", () => {
  it("go forward one step, and only planned and in-progress projects are open", () => {
    expect(nextStatus("planned")).toBe("in_progress");
    expect(nextStatus("in_progress")).toBe("completed");
    expect(nextStatus("completed")).toBe("commissioned");
    expect(nextStatus("commissioned")).toBeNull();
    expect([
      isOpenStatus("planned"),
      isOpenStatus("in_progress"),
      isOpenStatus("completed"),
      isOpenStatus("commissioned"),
    ]).toEqual([true, true, false, false]);
  });
});

describe("typed days and counts", () => {
  it.each([
    ["01.06.2021", "2021-06-01"],
    ["1/6/2021", "2021-06-01"],
    ["29.02.2020", "2020-02-29"],
    [" 15-05-2021 ", "2021-05-15"],
  ])("%s is %s", (text, iso) => {
    expect(parseDay(text)?.toISOString().slice(0, 10)).toBe(iso);
  });
  it.each(["29.02.2021", "31.04.2021", "2021-06-01", "01.13.2021", "вчера", ""])("%s is no day", (text) => {
    expect(parseDay(text)).toBeNull();
  });
  it("reads counts with thousands spaces, up to the limit", () => {
    expect(parseCount("1 200", 100_000)).toBe(1200);
    expect(parseCount("0", 10)).toBe(0);
    expect(parseCount("11", 10)).toBeNull();
    expect(parseCount("-3", 10)).toBeNull();
    expect(parseCount("2.5", 10)).toBeNull();
  });
});
