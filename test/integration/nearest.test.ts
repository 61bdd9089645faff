// "Near me" against a brute-force answer (haversine in JavaScript): walked nearest first through
// the GiST index on unit vectors in PostgreSQL, projects without room skipped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "../../src/domain/geo.js";
import { NEAR_LIMIT, nearestOpenProjects, PAGE_SIZE } from "../../src/services/projects.js";
import { openStore } from "../../src/db/store.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { ALMALY, KYZYLORDA_CITY } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";

let database: TestDatabase;
const ALMATY = { lat: 43.25, lon: 76.92 };
/** The whole cluster is 13 to 33 km away from this point, to its north-east. */
const SOUTH_WEST = { lat: 43.1, lon: 76.72 };

beforeAll(async () => {
  database = await createTestDatabase();
  // 70 projects around Almaty (within about 15 km; nudged so that no two are equally far from a point
  // of the tests), every fifth one full; one in Kyzylorda, 1,200 km west
  for (let i = 0; i < 70; i++) {
    const project = await addProject(database.db, {
      districtKato: ALMALY,
      name: `Объект ${i}`,
      lat: ALMATY.lat + ((i % 7) - 3) * 0.02 + i * 1e-5,
      lon: ALMATY.lon + (Math.floor(i / 7) - 5) * 0.02,
      positions: [{ code: "mason", count: 1 }],
    });
    if (i % 5 === 0) {
      await database.db.application.create({
        data: {
          number: `FULL-${i}`,
          projectId: project.id,
          positionId: project.positions[0]!.id,
          status: "referred",
          priorityGroup: 0,
        },
      });
    }
  }
  await addProject(database.db, { districtKato: KYZYLORDA_CITY, name: "Кызылорда", lat: 44.85, lon: 65.5 });
  // 26 km due west of SOUTH_WEST: nearer than most of the cluster, in another direction
  await addProject(database.db, {
    districtKato: ALMALY,
    name: "На западе",
    lat: SOUTH_WEST.lat,
    lon: SOUTH_WEST.lon - 0.32,
  });
}, 60_000);
afterAll(() => database.drop());

/** Every open project with room, by distance then id: what the query must equal. */
async function bruteForce(point: { lat: number; lon: number }) {
  const projects = await database.db.project.findMany({
    where: { status: { in: ["planned", "in_progress"] } },
    include: {
      positions: {
        include: { _count: { select: { applications: { where: { status: { in: ["referred", "hired"] } } } } } },
      },
    },
  });
  return projects
    .filter((p) => p.positions.some((s) => s.count > s._count.applications))
    .map((p) => ({ id: p.id, distance: distanceKm(point, p) }))
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, NEAR_LIMIT)
    .map((p) => p.id);
}

async function allPages(point: { lat: number; lon: number }) {
  const first = await nearestOpenProjects(database.store, point, 1);
  const ids = first.items.map((item) => item.id);
  for (let page = 2; page <= first.pages; page++)
    ids.push(...(await nearestOpenProjects(database.store, point, page)).items.map((item) => item.id));
  return ids;
}

describe("the nearest projects with room", () => {
  it.each([
    ["in the middle of the cluster", ALMATY],
    ["60 km away", { lat: 43.25, lon: 77.66 }],
    ["south-west of the cluster, with a project to the west nearer than most of it", SOUTH_WEST],
    ["300 km away", { lat: 45.9, lon: 77.0 }],
    ["next to Kyzylorda, 1,200 km from the rest", { lat: 44.84, lon: 65.51 }],
  ])("%s: the same as a brute-force search", async (_, point) => {
    const expected = await bruteForce(point);
    expect(expected).toHaveLength(NEAR_LIMIT);
    expect(await allPages(point)).toEqual(expected);
  });

  it("has ten pages of five at most, and a page past the end is the first", async () => {
    const first = await nearestOpenProjects(database.store, ALMATY, 1);
    expect([first.pages, first.items.length]).toEqual([NEAR_LIMIT / PAGE_SIZE, PAGE_SIZE]);
    expect((await nearestOpenProjects(database.store, ALMATY, 99)).items).toEqual(first.items);
  });

  it("is planned once and its plan kept, not planned anew on every call, among thousands of projects", async () => {
    // 3,000 more open projects by Aktau, 1,000 km west of the rest: enough for a kept plan that must
    // sort them all to look dearer than planning each call with its values (the old query's fate)
    await database.db.$executeRaw`
      with copies as (
        insert into "Project" ("nameKk", "nameRu", "objectGroup", "workKind", status, "districtId", "contractorId", "estimatedCost", "startDate", "endDate",
          "plannedJobs", "permanentJobs", "averageWage", "quotaPercent", lat, lon, "updatedAt")
        select "nameKk", "nameRu" || ' ' || g, "objectGroup", "workKind", status, "districtId", "contractorId", "estimatedCost", "startDate", "endDate",
          "plannedJobs", "permanentJobs", "averageWage", "quotaPercent", 43.6 + (g % 60) * 0.01, 51.1 + (g / 60) * 0.01, now()
        from "Project", generate_series(1, 3000) g where "nameRu" = 'Кызылорда'
        returning id)
      insert into "Position" ("projectId", "professionId", count, "monthlyWage", "suitableForMinors")
      select copies.id, s."professionId", s.count, s."monthlyWage", s."suitableForMinors"
      from copies, "Position" s join "Project" p on p.id = s."projectId" where p."nameRu" = 'Кызылорда'`;
    await database.db.$executeRawUnsafe(`analyze "Project"`);
    const store = openStore(database.url, { poolSize: 1 }); // one connection: one prepared statement to look at
    try {
      for (let i = 0; i < 10; i++)
        await nearestOpenProjects(store, { lat: 43 + i * 0.1, lon: 76.9 - i * 0.1 }, 1 + (i % 3));
      const plans = await store.rows<{ generic: number; custom: number }>(Prisma.sql`
        select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
        where statement like '%"near" as materialized%' and statement not like '%pg_prepared_statements%'`);
      // PostgreSQL plans the first five calls with their values, then keeps a plan if it looks no dearer
      expect(plans).toEqual([{ generic: 5, custom: 5 }]);
    } finally {
      await store.close();
    }
  });
});
