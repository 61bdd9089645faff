import { describe, expect, it } from "vitest";
import {
  DEFAULT_MONTHLY_SCHEDULE,
  FIGURES_REMINDER_DAY,
  monthOf,
  parseReportMonth,
  percentOf,
  previousMonth,
  reportMonth,
} from "../../src/domain/report.js";
import { MONTHLY_REPORT_DAY } from "../../src/domain/rules.js";

const at = (iso: string) => new Date(iso);

describe("report months", () => {
  it("runs from the first day to the first day of the next month", () => {
    const december = reportMonth(2021, 12);
    expect([
      december.key,
      december.start.toISOString(),
      december.end.toISOString(),
      december.yearStart.toISOString(),
    ]).toEqual(["2021-12", "2021-12-01T00:00:00.000Z", "2022-01-01T00:00:00.000Z", "2021-01-01T00:00:00.000Z"]);
  });

  it.each([
    ["2021-05", "2021-05"],
    ["2020-03", "2020-03"], // the programme began on 27 March 2020
    ["2020-02", null],
    ["2021-13", null],
    ["2021-5", null],
    ["May 2021", null],
  ])("reads %s as %s", (key, expected) => {
    expect(parseReportMonth(key)?.key ?? null).toBe(expected);
  });

  it.each([
    ["2021-05-31T18:59:59Z", "2021-05"], // 23:59:59 in Almaty
    ["2021-05-31T19:00:00Z", "2021-06"], // midnight in Almaty
    ["2021-01-01T02:00:00Z", "2021-01"],
  ])("puts %s in Kazakhstan's month %s", (iso, key) => {
    expect(monthOf(at(iso)).key).toBe(key);
  });

  it("reports on the 1st about the month before, also across a new year", () => {
    expect(previousMonth(at("2021-06-01T04:00:00Z")).key).toBe("2021-05");
    expect(previousMonth(at("2021-12-31T19:30:00Z")).key).toBe("2021-12"); // already 1 January in Almaty
    expect(previousMonth(at("2022-01-08T04:00:00Z")).key).toBe("2021-12");
  });
});

describe("the schedule", () => {
  it("reminds on the 8th, two days before the regions' deadline of the 10th, at 09:00", () => {
    expect(MONTHLY_REPORT_DAY).toBe(10);
    expect(FIGURES_REMINDER_DAY).toBe(8);
    expect(DEFAULT_MONTHLY_SCHEDULE).toEqual({ reportCron: "0 9 1 * *", reminderCron: "0 9 8 * *" });
  });
});

describe("percent of", () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [444, 1000, 44.4],
    [5, 4, 125],
    [0, 7, 0],
    [3, 0, null], // nothing to compare with
  ])("%i of %i is %s %", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });
});
