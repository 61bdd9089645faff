import { describe, expect, it } from "vitest";
import { addWorkingDays, dueSince, holidaysOf, isWorkingDay } from "../../src/domain/working-days.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("Kazakhstan's working days", () => {
  it("skips weekends", () => {
    expect(iso(addWorkingDays(day("2021-06-04"), 3))).toBe("2021-06-09"); // Fri → Mon, Tue, Wed
    expect(iso(addWorkingDays(day("2021-06-05"), 1))).toBe("2021-06-07"); // Sat → Mon
  });

  it("skips the holidays, and the day off a holiday on a weekend moves to (art. 5)", () => {
    // Nauryz 21–23 March 2021: the 21st is a Sunday, so Wednesday the 24th is off too.
    expect(holidaysOf(2021).has("2021-03-24")).toBe(true);
    expect(isWorkingDay(day("2021-03-24"))).toBe(false);
    expect(iso(addWorkingDays(day("2021-03-19"), 3))).toBe("2021-03-29");
    // Independence Day 16–17 December 2020 (Wednesday, Thursday).
    expect(iso(addWorkingDays(day("2020-12-15"), 3))).toBe("2020-12-22");
  });

  it("does not move religious holidays, and counts Kurban ait as the government set it", () => {
    expect(isWorkingDay(day("2021-07-20"))).toBe(false); // Kurban ait 2021, a Tuesday
    expect(iso(addWorkingDays(day("2021-07-19"), 3))).toBe("2021-07-23");
    // Orthodox Christmas 2024 was a Sunday: nothing moves to Monday the 8th.
    expect(isWorkingDay(day("2024-01-08"))).toBe(true);
  });

  it("follows the 2022 amendments: 25 October a holiday, 17 December no longer", () => {
    expect(isWorkingDay(day("2021-10-25"))).toBe(true);
    expect(isWorkingDay(day("2022-10-25"))).toBe(false);
    expect(holidaysOf(2020).has("2020-12-17")).toBe(true);
    expect(holidaysOf(2026).has("2026-12-17")).toBe(false);
    expect(isWorkingDay(day("2026-12-16"))).toBe(false);
  });

  it("says which referrals are due on a day: those three working days old or older", () => {
    // Referrals of Friday 4, Saturday 5 and Sunday 6 June 2021 are three working days old on Wednesday the 9th.
    expect(iso(dueSince(day("2021-06-09"), 3))).toBe("2021-06-06");
    expect(iso(dueSince(day("2021-06-08"), 3))).toBe("2021-06-03");
    // After Nauryz: Friday 19 March's referrals are due on Monday the 29th, not before.
    expect(iso(dueSince(day("2021-03-26"), 3))).toBe("2021-03-18");
    expect(iso(dueSince(day("2021-03-29"), 3))).toBe("2021-03-24"); // through the moved day off
  });
});
