import { describe, expect, it } from "vitest";
import {
  DEFAULT_MONTHLY_SCHEDULE, FIGURES_REMINDER_DAY, monthOf, parseReportMonth, percentOf, previousMonth, reportMonth,
} from "../../src/domain/report.js";
import { MONTHLY_REPORT_DAY } from "../../src/domain/rules.js";

const at = (iso: string) => new Date(iso);

describe("report months", () => {
  it("runs from the first day to the first day of the next month", () => {
    const december = reportMonth(2021, 12);
    expect([december.key, december.start.toISOString(), december.end.toISOString(), december.yearStart.toISOString()]).toEqual([
      "2021-12", "2021-12-01T00:00:00.000Z", "2022-01-01T00:00:00.000Z", "2021-01-01T00:00:00.000Z",
    ]);
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

describe("the public map's colour classes", () => {
  it("come from the figures shown: quantiles, each class a range the legend states, light to dark", async () => {
    const { classesOf, fillOf, FILLS, NO_DATA_FILL } = await import("../../src/web/public/colour.js");
    const figures = [12, 40, 41, 55, 80, 95, 100, 101, 120, 130, 150, 160, 210, 260, 300, 400, null];
    const classes = classesOf(figures);
    expect(classes).toHaveLength(5);
    expect(classes[0]!.fill).toBe(FILLS[0]);
    expect(classes.at(-1)!.fill).toBe(FILLS.at(-1));
    const counts = classes.map((c, i) => figures.filter((f) => f !== null && f >= c.from && (i === classes.length - 1 || f < classes[i + 1]!.from)).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1); // about as many areas in each
    expect(fillOf(classes, null)).toBe(NO_DATA_FILL);
    expect(new Set(figures.filter((f) => f !== null).map((f) => fillOf(classes, f))).size).toBe(5);
  });

  it("never puts two different figures together when there are few, and copes with one", async () => {
    const { classesOf } = await import("../../src/web/public/colour.js");
    expect(classesOf([100, 100, 100]).map((c) => [c.from, c.to])).toEqual([[100, 100]]);
    expect(classesOf([10, 20]).map((c) => [c.from, c.to])).toEqual([[10, 20], [20, 20]]);
    expect(classesOf([null])).toEqual([]);
  });
});
