// The monthly report's figures on a hand-built data set (test/helpers/report-data.ts): every
// expected number below is worked out by hand from that file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportMonth } from "../../src/domain/report.js";
import { buildMonthlyReport, type MonthlyReport } from "../../src/services/reports/monthly-report.js";
import { resolveScope } from "../../src/services/reports/report-scope.js";
import { NotAllowedError } from "../../src/services/staff.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { addReportData } from "../helpers/report-data.js";
import { ALMALY } from "../helpers/places.js";

const MAY = reportMonth(2021, 5);
let database: TestDatabase;
let almatyCity: number[];
let ids: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await addReportData(database.db);
  const region = await database.db.region.findUniqueOrThrow({
    where: { kato: "750000000" },
    include: { districts: true },
  });
  almatyCity = region.districts.map((d) => d.id);
});
afterAll(() => database.drop());

describe("the monthly report of May 2021 for Almaty city", () => {
  let report: MonthlyReport;
  beforeAll(async () => {
    report = await buildMonthlyReport(database.store, almatyCity, MAY);
  });

  it("lists the contractors of the projects under way in the month", () => {
    // P1 (started 10 May) and P2 (finished 20 May) are one contractor's; P3 ended in April, P4 has not started.
    expect(report.contractors).toEqual([{ name: "ТОО «Алатау Құрылыс»", bin: null, projects: 2 }]);
  });

  it("counts projects started, finished and under way by object group and kind of work", () => {
    expect(report.kinds).toEqual([
      { objectGroup: "social", workKind: "construction", started: 1, finished: 0, inProgress: 1 },
      { objectGroup: "utilities", workKind: "capital_repair", started: 0, finished: 1, inProgress: 0 },
    ]);
  });

  it("gives each project its work done, jobs created and quota met up to the month's end", () => {
    expect(
      report.projects.map((p) => [p.nameRu, p.workDone, p.jobsCreated, p.quota, p.referred, p.hired, p.percentMet]),
    ).toEqual([
      ["Проект P1", 10_000_000, 20, 10, 3, 2, 20], // the referral of 2 June is not counted
      ["Проект P2", 5_000_000, 4, 3, 1, 1, 33.3], // quota: 20 % of 12 = 2.4, rounded up
      ["Проект P3", 0, 0, 6, 2, 2, 33.3],
    ]);
  });

  it("counts jobs created, people hired through referrals in the month, their average wage and the centres' share", () => {
    expect(report.jobs).toEqual({
      jobsCreated: 24,
      workDone: 15_000_000,
      hiredThroughReferrals: 3,
      averageWage: 130_000,
      centreShare: 12.5,
    });
  });

  it("adds up the quota by district (in KATO order)", () => {
    expect(report.districts.map((d) => [d.nameRu, d.quota, d.referred, d.hired, d.percentMet])).toEqual([
      ["Алмалинский район", 13, 4, 3, 23.1],
      ["Бостандыкский район", 6, 2, 2, 33.3],
    ]);
  });

  it("checks the 15 % rule on commissioned objects with the hires made since commissioning", () => {
    expect(report.commissioned.map((c) => [c.nameRu, c.permanentJobs, c.required, c.placed, c.met])).toEqual([
      ["Проект P3", 8, 2, 1, false],
    ]);
  });

  it("compares the year's plan with what was done, as the government compares regions", () => {
    // Jobs: P1 50 + P2 12 + P4 20 start in 2021; created Jan–May: P1 20, P2 6 + 4.
    // Permanent: P1 10, P3 8 end in 2021 (P4 ends in 2022); P3 (8) commissioned in April.
    expect(
      report.regions.map((r) => [
        r.nameRu,
        r.plannedJobs,
        r.jobsCreated,
        r.jobsPercent,
        r.plannedPermanent,
        r.permanentCreated,
        r.permanentPercent,
      ]),
    ).toEqual([["город Алматы", 82, 30, 36.6, 18, 8, 44.4]]);
  });
});

describe("the country's report of May 2021", () => {
  it("adds Kyzylorda's project to every section", async () => {
    const report = await buildMonthlyReport(database.store, null, MAY);
    expect(report.contractors.map((c) => c.name)).toEqual(["ТОО «Алатау Құрылыс»", "ТОО «Сырдария»"]);
    expect(report.jobs).toEqual({
      jobsCreated: 34,
      workDone: 18_000_000,
      hiredThroughReferrals: 4,
      averageWage: 147_500,
      centreShare: 11.8,
    });
    expect(report.regionQuotas.map((r) => [r.nameRu, r.quota, r.hired, r.percentMet])).toEqual([
      ["Кызылординская область", 8, 1, 12.5],
      ["город Алматы", 19, 5, 26.3],
    ]);
    expect(report.regions.map((r) => [r.nameRu, r.plannedJobs, r.jobsCreated, r.jobsPercent])).toEqual([
      ["Кызылординская область", 40, 15, 37.5],
      ["город Алматы", 82, 30, 36.6],
    ]);
  });

  it("has nothing for a month before the data", async () => {
    const report = await buildMonthlyReport(database.store, null, reportMonth(2020, 4));
    expect(report.contractors).toEqual([]);
    expect(report.kinds).toEqual([]);
    expect(report.jobs).toEqual({
      jobsCreated: 0,
      workDone: 0,
      hiredThroughReferrals: 0,
      averageWage: null,
      centreShare: null,
    });
  });
});

describe("who may see which report", () => {
  it("gives staff their centre's districts, and refuses them a region or the country", async () => {
    const db = database.db;
    const district = await db.district.findUniqueOrThrow({ where: { kato: ALMALY } });
    const centre = await db.employmentCentre.create({
      data: {
        nameKk: "Алмалы ЖҚО",
        nameRu: "ЦЗН Алмалинского района",
        addressKk: "-",
        addressRu: "-",
        phone: "-",
        districts: { create: { districtId: district.id } },
      },
    });
    const staff = await db.user.create({
      data: { telegramId: 9_100_001n, roles: ["staff"], staff: { create: { centreId: centre.id } } },
    });
    const scope = await resolveScope(database.store, staff.id, { kind: "mine" });
    expect(scope.districtIds).toEqual([district.id]);
    const report = await buildMonthlyReport(database.store, scope.districtIds, MAY);
    expect(report.projects.map((p) => p.id)).toEqual([ids.P1, ids.P2]);
    await expect(resolveScope(database.store, staff.id, { kind: "country" })).rejects.toBeInstanceOf(NotAllowedError);
    const region = await db.region.findUniqueOrThrow({ where: { kato: "750000000" } });
    await expect(
      resolveScope(database.store, staff.id, { kind: "region", regionId: region.id }),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("gives admins any region or the country, and someone without a centre nothing", async () => {
    const db = database.db;
    const admin = await db.user.create({ data: { telegramId: 9_100_002n, roles: ["admin"] } });
    const region = await db.region.findUniqueOrThrow({ where: { kato: "750000000" }, include: { districts: true } });
    expect((await resolveScope(database.store, admin.id, { kind: "region", regionId: region.id })).districtIds).toEqual(
      region.districts.map((d) => d.id),
    );
    expect((await resolveScope(database.store, admin.id, { kind: "country" })).districtIds).toBeNull();
    const nobody = await db.user.create({ data: { telegramId: 9_100_003n } });
    await expect(resolveScope(database.store, nobody.id, { kind: "mine" })).rejects.toBeInstanceOf(NotAllowedError);
  });
});
