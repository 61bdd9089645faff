// The gazetteer and the demo data, checked in the database after seeding.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOTALS } from "../../prisma/data/demo-targets.js";
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
  console.log(`demo data seeded in ${Math.round(seedMs)} ms (target: under 30 s)`); // a figure, not a timed test
}, 120_000);
afterAll(() => database.drop());

describe("the gazetteer", () => {
  it("has the 14 regions and 3 cities of republican significance, with their 217 districts", async () => {
    const db = database.db;
    expect(await db.region.count({ where: { kind: "region" } })).toBe(14);
    expect(await db.region.count({ where: { kind: "city" } })).toBe(3);
    expect(await db.district.count()).toBe(217);
    const cities = await db.region.findMany({ where: { kind: "city" }, orderBy: { kato: "asc" }, include: { _count: { select: { districts: true } } } });
    expect(cities.map((c) => [c.nameRu, c._count.districts])).toEqual([["город Нур-Султан", 4], ["город Алматы", 8], ["город Шымкент", 4]]);
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
    expect(rates.map((r) => [r.year, r.minimumWage, r.mci])).toEqual([[2020, 42_500, 2_651], [2020, 42_500, 2_778], [2021, 42_500, 2_917]]);
  });
});

describe("the demo data", () => {
  const regionFigures = () => database.db.$queryRaw<Array<{ kato: string; projects: number; jobs: number; permanent: number }>>`
    select r.kato, count(*)::int as projects, sum(p."plannedJobs")::int as jobs, sum(p."permanentJobs")::int as permanent
    from "Project" p join "District" d on d.id = p."districtId" join "Region" r on r.id = d."regionId"
    group by r.kato`;

  it("matches the 2020 plan's national totals", async () => {
    const [totals] = await database.db.$queryRaw<Array<{ projects: number; jobs: number; permanent: number; cost: number }>>`
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
    const almatyRegion = byKato.get("190000000")!, almatyCity = byKato.get("750000000")!, turkestan = byKato.get("610000000")!;
    expect([almatyRegion.projects, byKato.get("630000000")!.projects, byKato.get("310000000")!.projects, byKato.get("350000000")!.projects]).toEqual([977, 813, 690, 625]);
    expect([almatyCity.jobs, turkestan.jobs, almatyRegion.jobs]).toEqual([26_000, 21_900, 21_000]);
    expect([almatyCity.permanent, almatyRegion.permanent, turkestan.permanent]).toEqual([2_045, 1_830, 1_531]);
    const sorted = (key: "projects" | "jobs" | "permanent") => [...byKato.values()].sort((a, b) => b[key] - a[key]).map((r) => r.kato);
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
    const underFloor = await database.db.project.count({ where: { averageWage: { lt: wageFloor(new Date("2021-01-01")) } } });
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
        select md5(string_agg(concat_ws('|', id, "nameRu", "districtId", "plannedJobs", "estimatedCost", lat, lon, status), ',' order by id)) as h from "Project"`;
      expect((await fingerprint(again.db))[0]!.h).toBe((await fingerprint(database.db))[0]!.h);
    } finally {
      await again.drop();
    }
  }, 120_000);
});
