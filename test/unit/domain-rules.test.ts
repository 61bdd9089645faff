import { describe, expect, it } from "vitest";
import { commissionedJobsForCentre, referralQuota } from "../../src/domain/quota.js";
import { rateOn, relocationAllowance, wageFloor } from "../../src/domain/rates.js";
import { centreShareAimPercent, LOAN, REFERRAL_QUOTA_PERCENT } from "../../src/domain/rules.js";
import { distanceKm, insideKazakhstan, nearest } from "../../src/domain/geo.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("yearly rates", () => {
  it.each([
    ["2019-12-31", 2_651], // before the table: its first row
    ["2020-01-01", 2_651],
    ["2020-03-31", 2_651],
    ["2020-04-01", 2_778], // MCI raised from 1 April 2020
    ["2020-12-31", 2_778],
    ["2021-01-01", 2_917],
    ["2026-11-22", 2_917], // after the table: its last row
  ])("MCI on %s is %i ₸", (iso, mci) => {
    expect(rateOn(day(iso)).mci).toBe(mci);
  });

  it("puts the wage floor and the relocation allowance at two minimum wages (42,500 ₸ in 2020 and 2021)", () => {
    expect(wageFloor(day("2020-06-01"))).toBe(85_000);
    expect(wageFloor(day("2021-06-01"))).toBe(85_000);
    expect(relocationAllowance(day("2021-06-01"))).toBe(85_000);
  });

  it("gives the largest loan as 70,000 MCI: 204,190,000 ₸ in 2021", () => {
    expect(LOAN.maxAmountMci * rateOn(day("2021-05-01")).mci).toBe(204_190_000);
  });
});

describe("the referral quota: 20 % of the jobs, rounded up", () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 1],
    [6, 2],
    [10, 2],
    [11, 3],
    [100, 20],
    [101, 21],
  ])("%i jobs → %i referrals", (jobs, quota) => {
    expect(referralQuota(jobs)).toBe(quota);
  });

  it("uses the percent the commission approved", () => {
    expect(REFERRAL_QUOTA_PERCENT).toBe(20);
    expect(referralQuota(10, 35)).toBe(4);
  });

  it("refuses a negative or fractional number of jobs", () => {
    expect(() => referralQuota(-1)).toThrow(RangeError);
    expect(() => referralQuota(2.5)).toThrow(RangeError);
  });
});

describe("permanent jobs of a commissioned object: 15 %, at least one when the staff is under 6", () => {
  it.each([
    [0, 0],
    [1, 1],
    [5, 1],
    [6, 1],
    [7, 2],
    [20, 3],
    [21, 4],
    [100, 15],
  ])("%i permanent jobs → %i through the centre", (jobs, centre) => {
    expect(commissionedJobsForCentre(jobs)).toBe(centre);
  });
});

describe("geography", () => {
  const almaty = { lat: 43.25667, lon: 76.92861 };
  const nurSultan = { lat: 51.1801, lon: 71.44598 };

  it("measures great-circle distances", () => {
    expect(distanceKm(almaty, almaty)).toBe(0);
    expect(distanceKm(almaty, nurSultan)).toBeGreaterThan(955);
    expect(distanceKm(almaty, nurSultan)).toBeLessThan(980);
  });

  it("finds the nearest point", () => {
    const shymkent = { lat: 42.3, lon: 69.6, name: "Shymkent" };
    const taraz = { lat: 42.9, lon: 71.37, name: "Taraz" };
    expect(nearest({ lat: 42.5, lon: 70.0 }, [taraz, shymkent])?.name).toBe("Shymkent");
    expect(nearest(almaty, [])).toBeUndefined();
  });

  it("knows Kazakhstan's bounding box, edges included", () => {
    expect(insideKazakhstan({ lat: 40.5, lon: 46.4 })).toBe(true);
    expect(insideKazakhstan({ lat: 55.6, lon: 87.4 })).toBe(true);
    expect(insideKazakhstan({ lat: 40.49, lon: 70 })).toBe(false);
    expect(insideKazakhstan({ lat: 50, lon: 87.41 })).toBe(false);
  });
});

describe("the 2020 plan's aim of half the hires through the centres", () => {
  it("is reported against 2020 only: it is the 2020 plan's (000), not a rule of 002", () => {
    expect(centreShareAimPercent(2020)).toBe(50);
    expect(centreShareAimPercent(2021)).toBeNull();
    expect(centreShareAimPercent(2019)).toBeNull();
  });
});
