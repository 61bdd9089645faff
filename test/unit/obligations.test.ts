import { describe, expect, it } from "vitest";
import { addMonths, obligationPlans } from "../../src/domain/obligations.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString();

describe("obligations after a loan", () => {
  it("targeted use: due on day 90, reminders on days 60, 80 and 89 at 09:00 in Kazakhstan", () => {
    const [use] = obligationPlans(day("2021-03-01"));
    expect(use!.series).toBe("targeted_use");
    expect(iso(use!.dueOn)).toBe("2021-05-30T00:00:00.000Z");
    expect(use!.reminders.map(iso)).toEqual([
      "2021-04-30T04:00:00.000Z",
      "2021-05-20T04:00:00.000Z",
      "2021-05-29T04:00:00.000Z",
    ]);
  });

  it("jobs: due at 24 months, reminders at 18, 22 and 23 months", () => {
    const [, jobs] = obligationPlans(day("2021-03-01"));
    expect(iso(jobs!.dueOn)).toBe("2023-03-01T00:00:00.000Z");
    expect(jobs!.reminders.map(iso)).toEqual([
      "2022-09-01T04:00:00.000Z",
      "2023-01-01T04:00:00.000Z",
      "2023-02-01T04:00:00.000Z",
    ]);
  });

  it("adds months without overflowing short months", () => {
    expect(iso(addMonths(day("2021-01-31"), 1))).toBe("2021-02-28T00:00:00.000Z");
    expect(iso(addMonths(day("2020-02-29"), 24))).toBe("2022-02-28T00:00:00.000Z");
    expect(iso(addMonths(day("2021-08-31"), 18))).toBe("2023-02-28T00:00:00.000Z");
  });
});
