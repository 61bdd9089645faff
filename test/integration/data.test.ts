// The gazetteer and the demo data, checked in the database after seeding.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOTALS, HISTORY } from "../../prisma/data/demo-targets.js";
import { reportMonth } from "../../src/domain/report.js";
import { buildMonthlyReport } from "../../src/services/reports/monthly-report.js";
import { seedDemoData } from "../../src/db/seed/demo.js";
import { seedDatabase } from "../../src/db/seed/index.js";
import { insideKazakhstan } from "../../src/domain/geo.js";
import { wageFloor } from "../../src/domain/rates.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
let seedMs = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  await seedDatabase(database.db, { demo: true });
  seedMs = performance.now() - started;
  console.log(`demo data seeded in ${Math.round(seedMs)} ms, with the history of 2020–2021 (target: at most 60 s)`); // a figure, not a timed test
}, 120_000);
afterAll(() => database.drop());

describe("the gazetteer", () => {
  it("has the 14 regions and 3 cities of republican significance, with their 217 districts", async () => {
    const db = database.db;
    expect(await db.region.count({ where: { kind: "region" } })).toBe(14);
    expect(await db.region.count({ where: { kind: "city" } })).toBe(3);
    expect(await db.district.count()).toBe(217);
    const cities = await db.region.findMany({
      where: { kind: "city" },
      orderBy: { kato: "asc" },
      include: { _count: { select: { districts: true } } },
    });
    expect(cities.map((c) => [c.nameRu, c._count.districts])).toEqual([
      ["город Нур-Султан", 4],
      ["город Алматы", 8],
      ["город Шымкент", 4],
    ]);
  });

  it("puts every coordinate inside Kazakhstan and names every unit in both languages", async () => {
    const units = [...(await database.db.region.findMany()), ...(await database.db.district.findMany())];
    for (const unit of units) {
      expect(insideKazakhstan(unit), unit.nameRu).toBe(true);
      expect(unit.nameKk.trim().length, unit.kato).toBeGreaterThan(2);
      expect(unit.nameRu.trim().length, unit.kato).toBeGreaterThan(2);
    }
  });

  it("has no duplicate names within a region (also enforced by unique indexes)", async () => {
    const duplicates = await database.db.$queryRaw<unknown[]>`
      select "regionId", "nameRu" from "District" group by 1, 2 having count(*) > 1
      union all select "regionId", "nameKk" from "District" group by 1, 2 having count(*) > 1`;
    expect(duplicates).toEqual([]);
  });

  it("knows that Sauran district exists only from 15 March 2021", async () => {
    const sauran = await database.db.district.findUniqueOrThrow({ where: { kato: "615500000" } });
    expect(sauran.validFrom?.toISOString().slice(0, 10)).toBe("2021-03-15");
  });

  it("has at least 40 professions, named in Kazakh and Russian", async () => {
    const professions = await database.db.profession.findMany();
    expect(professions.length).toBeGreaterThanOrEqual(40);
    expect(professions.every((p) => p.nameKk && p.nameRu)).toBe(true);
  });

  it("has the yearly rates of 2020 and 2021", async () => {
    const rates = await database.db.yearlyRate.findMany({ orderBy: { validFrom: "asc" } });
    expect(rates.map((r) => [r.year, r.minimumWage, r.mci])).toEqual([
      [2020, 42_500, 2_651],
      [2020, 42_500, 2_778],
      [2021, 42_500, 2_917],
    ]);
  });
});

describe("the demo data", () => {
  const regionFigures = () => database.db.$queryRaw<
    Array<{ kato: string; projects: number; jobs: number; permanent: number }>
  >`
    select r.kato, count(*)::int as projects, sum(p."plannedJobs")::int as jobs, sum(p."permanentJobs")::int as permanent
    from "Project" p join "District" d on d.id = p."districtId" join "Region" r on r.id = d."regionId"
    group by r.kato`;

  it("matches the 2020 plan's national totals", async () => {
    const [totals] = await database.db.$queryRaw<
      Array<{ projects: number; jobs: number; permanent: number; cost: number }>
    >`
      select count(*)::int as projects, sum("plannedJobs")::int as jobs, sum("permanentJobs")::int as permanent,
             (sum("estimatedCost") / 1e9)::float as cost from "Project"`;
    expect(totals!.projects).toBe(DEMO_TOTALS.projects);
    expect(totals!.jobs).toBe(DEMO_TOTALS.jobs);
    expect(totals!.permanent).toBe(DEMO_TOTALS.permanentJobs);
    expect(totals!.cost).toBeGreaterThan(900); // about 1 trillion ₸
    expect(totals!.cost).toBeLessThan(1_100);
  });

  it("matches the figures the seeds give per region, and those regions lead", async () => {
    const byKato = new Map((await regionFigures()).map((r) => [r.kato, r]));
    const almatyRegion = byKato.get("190000000")!,
      almatyCity = byKato.get("750000000")!,
      turkestan = byKato.get("610000000")!;
    expect([
      almatyRegion.projects,
      byKato.get("630000000")!.projects,
      byKato.get("310000000")!.projects,
      byKato.get("350000000")!.projects,
    ]).toEqual([977, 813, 690, 625]);
    expect([almatyCity.jobs, turkestan.jobs, almatyRegion.jobs]).toEqual([26_000, 21_900, 21_000]);
    expect([almatyCity.permanent, almatyRegion.permanent, turkestan.permanent]).toEqual([2_045, 1_830, 1_531]);
    const sorted = (key: "projects" | "jobs" | "permanent") =>
      [...byKato.values()].sort((a, b) => b[key] - a[key]).map((r) => r.kato);
    expect(sorted("projects").slice(0, 4)).toEqual(["190000000", "630000000", "310000000", "350000000"]);
    expect(sorted("jobs").slice(0, 3)).toEqual(["750000000", "610000000", "190000000"]);
    expect(sorted("permanent").slice(0, 3)).toEqual(["750000000", "190000000", "610000000"]);
  });

  it("splits every project's jobs into positions by profession, each paid at least two minimum wages", async () => {
    const mismatched = await database.db.$queryRaw<unknown[]>`
      select p.id from "Project" p left join "Position" s on s."projectId" = p.id
      group by p.id having coalesce(sum(s.count), 0) <> p."plannedJobs"`;
    expect(mismatched).toEqual([]);
    const lowest = await database.db.position.aggregate({ _min: { monthlyWage: true } });
    expect(lowest._min.monthlyWage).toBeGreaterThanOrEqual(wageFloor(new Date("2021-01-01")));
    const underFloor = await database.db.project.count({
      where: { averageWage: { lt: wageFloor(new Date("2021-01-01")) } },
    });
    expect(underFloor).toBe(0);
  });

  it("names a contractor for every project and places it near its district", async () => {
    expect(await database.db.project.count({ where: { contractorId: null } })).toBe(0);
    const far = await database.db.$queryRaw<unknown[]>`
      select p.id from "Project" p join "District" d on d.id = p."districtId"
      where abs(p.lat - d.lat) > 0.1 or abs(p.lon - d.lon) > 0.15`;
    expect(far).toEqual([]);
  });

  it("gives every district an employment centre", async () => {
    const uncovered = await database.db.district.count({ where: { centres: { none: {} } } });
    expect(uncovered).toBe(0);
  });

  it("gives every started project monthly figures from its first to its last month, adding up to its planned jobs", async () => {
    const mismatches = await database.db.$queryRaw<Array<{ id: number }>>`
      select p.id from "Project" p left join "MonthlyFigure" f on f."projectId" = p.id
      where p.status <> 'planned'
      group by p.id
      having coalesce(sum(f."jobsCreated"), 0) <> p."plannedJobs"
        or min(f.month) <> date_trunc('month', p."startDate")::date or max(f.month) <> date_trunc('month', p."endDate")::date`;
    expect(mismatches).toEqual([]);
    expect(await database.db.monthlyFigure.count({ where: { project: { status: "planned" } } })).toBe(0);
    expect(await database.db.monthlyFigure.count()).toBeGreaterThan(10_000);
  });

  it("is the same rows on every run", async () => {
    const again = await createTestDatabase();
    try {
      await seedDemoData(again.db);
      const fingerprint = (db: typeof database.db) => db.$queryRaw<Array<{ h: string }>>`
        select md5(string_agg(concat_ws('|', id, "nameRu", "districtId", "plannedJobs", "estimatedCost", lat, lon, status, "endDate", "commissionedAt"), ',' order by id)) as h from "Project"`;
      expect((await fingerprint(again.db))[0]!.h).toBe((await fingerprint(database.db))[0]!.h);
      const applications = (db: typeof database.db) => db.$queryRaw<Array<{ h: string }>>`
        select md5(string_agg(concat_ws('|', id, number, "positionId", status, "priorityGroup", "submittedAt", "referralNumber", "contractDate", wage), ',' order by id)) as h from "Application"`;
      expect((await applications(again.db))[0]!.h).toBe((await applications(database.db))[0]!.h);
    } finally {
      await again.drop();
    }
  }, 120_000);
});

describe("the demo history of 2020–2021", () => {
  const almatyCity = () =>
    database.db.district.findMany({ where: { region: { kato: HISTORY.almatyCity.kato } }, select: { id: true } });
  const within = (value: number, target: number, share: number) =>
    expect(Math.abs(value - target) / target, `${value} against ${target}`).toBeLessThanOrEqual(share);

  it("gives Almaty city by 1 December 2020 its 228 projects, about 21.7 thousand jobs and about 10.7 thousand hired through the centre (004)", async () => {
    const districts = (await almatyCity()).map((d) => d.id);
    const [row] = await database.db.$queryRaw<Array<{ projects: number; jobs: number; hired: number }>>`
      select (select count(*)::int from "Project" where "districtId" = any(${districts})) as projects,
        (select sum(f."jobsCreated")::int from "MonthlyFigure" f join "Project" p on p.id = f."projectId"
          where p."districtId" = any(${districts}) and f.month < ${HISTORY.almatyCity.before}::date) as jobs,
        (select count(*)::int from "Application" a join "Project" p on p.id = a."projectId"
          where p."districtId" = any(${districts}) and a.status = 'hired' and a."contractDate" < ${HISTORY.almatyCity.before}::date) as hired`;
    expect(row!.projects).toBe(228);
    within(row!.jobs, HISTORY.almatyCity.jobsCreated, 0.01);
    within(row!.hired, HISTORY.almatyCity.hiredThroughCentre, 0.01);
  });

  it("shows the history in Almaty city's monthly report of November 2020, figure for figure", async () => {
    const districts = (await almatyCity()).map((d) => d.id);
    const report = await buildMonthlyReport(database.store, districts, reportMonth(2020, 11));
    const [counted] = await database.db.$queryRaw<
      Array<{ referred: number; hired: number; hiredInMonth: number; jobsInMonth: number; jobsInYear: number }>
    >`
      select (select count(*)::int from "Application" a join "Project" p on p.id = a."projectId"
                where p."districtId" = any(${districts}) and a.status in ('referred', 'hired') and a."referredAt" < '2020-12-01') as referred,
             (select count(*)::int from "Application" a join "Project" p on p.id = a."projectId"
                where p."districtId" = any(${districts}) and a.status = 'hired' and a."contractDate" < '2020-12-01') as hired,
             (select count(*)::int from "Application" a join "Project" p on p.id = a."projectId"
                where p."districtId" = any(${districts}) and a.status = 'hired' and a."contractDate" >= '2020-11-01' and a."contractDate" < '2020-12-01') as "hiredInMonth",
             (select coalesce(sum(f."jobsCreated"), 0)::int from "MonthlyFigure" f join "Project" p on p.id = f."projectId"
                where p."districtId" = any(${districts}) and f.month = '2020-11-01') as "jobsInMonth",
             (select coalesce(sum(f."jobsCreated"), 0)::int from "MonthlyFigure" f join "Project" p on p.id = f."projectId"
                where p."districtId" = any(${districts}) and f.month >= '2020-01-01' and f.month < '2020-12-01') as "jobsInYear"`;
    expect(report.totals.quota.hired).toBe(counted!.hired);
    expect(report.totals.quota.referred).toBe(counted!.referred);
    expect(report.jobs.hiredThroughReferrals).toBe(counted!.hiredInMonth);
    expect(report.jobs.jobsCreated).toBe(counted!.jobsInMonth);
    expect(report.totals.plan.jobsCreated).toBe(counted!.jobsInYear);
    expect(report.jobs.hiredThroughReferrals).toBeGreaterThan(0);
    within(report.totals.quota.hired, HISTORY.almatyCity.hiredThroughCentre, 0.01);
    within(report.totals.plan.jobsCreated, HISTORY.almatyCity.jobsCreated, 0.01);
    expect(report.projects).toHaveLength(228);
  });

  it("hires at least half of the people through the centres, meets the referral quota on most projects but not all (000, 002)", async () => {
    const [row] = await database.db.$queryRaw<
      Array<{ hired: number; jobs: number; met: number; started: number; permanent: number }>
    >`
      select (select count(*)::int from "Application" where status = 'hired') as hired,
        (select sum("jobsCreated")::int from "MonthlyFigure") as jobs,
        (select sum("permanentJobs")::int from "Project") as permanent,
        count(*) filter (where coalesce(h.hired, 0) >= ceil(p."plannedJobs" * p."quotaPercent" / 100.0))::int as met,
        count(*)::int as started
      from "Project" p left join (select "projectId", count(*) as hired from "Application" where status = 'hired' group by 1) h on h."projectId" = p.id
      where p.status <> 'planned'`;
    expect(row!.hired / row!.jobs).toBeGreaterThanOrEqual(0.5);
    expect(row!.permanent).toBe(DEMO_TOTALS.permanentJobs);
    expect(row!.met / row!.started).toBeGreaterThan(0.85);
    expect(row!.met).toBeLessThan(row!.started);
  });

  it("keeps the rules of the data: places, referral numbers and counters, events in order, nothing before the programme", async () => {
    const db = database.db;
    expect(
      await db.$queryRaw`select id from "Position" where taken > count or taken <> (select count(*) from "Application" a where a."positionId" = "Position".id and a.status in ('referred', 'hired'))`,
    ).toEqual([]);
    const [numbers] = await db.$queryRaw<Array<{ referred: number; distinct: number; behind: number }>>`
      select count("referralNumber")::int as referred, count(distinct "referralNumber")::int as distinct,
        (select count(*)::int from "ReferralCounter" c join "Region" r on r.id = c."regionId"
          where c.last < (select count(*) from "Application" a where a."referralNumber" like r.code || '-' || c.year || '-%')) as behind
      from "Application"`;
    expect(numbers!.distinct).toBe(numbers!.referred);
    expect(numbers!.behind).toBe(0);
    expect(
      await db.$queryRaw`
      select a.id from "Application" a where a."submittedAt" < '2020-03-27' or a."referredAt" < a."submittedAt" or a."contractDate" < a."referredAt"::date
        or (a.status = 'hired' and (a.wage is null or a."contractDate" is null))
        or not exists (select 1 from "ApplicationEvent" e where e."applicationId" = a.id and e.status = 'submitted' and e.at = a."submittedAt")`,
    ).toEqual([]);
    const groups = await db.$queryRaw<
      Array<{ priorityGroup: number; count: number }>
    >`select "priorityGroup", count(*)::int as count from "Application" group by 1 order by 1`;
    expect(groups.map((g) => g.priorityGroup)).toEqual([0, 1]);
  });
});
