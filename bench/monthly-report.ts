// Benchmark: the monthly report over 1,000,000 applications on the embedded PostgreSQL.
// `npm run bench:report` prints the figures; it asserts nothing about time (issue 6: under 2 s
// for one region and month). Its own server and data folder (.data/bench-postgres), so the demo
// database of `npm start` is left alone; the first run fills it (a minute or two), later runs reuse it.
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../src/db/client.js";
import { defaultDataDir, ensureDatabase, startEmbeddedPostgres } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrate.js";
import { seedDatabase } from "../src/db/seed/index.js";
import { reportMonth } from "../src/domain/report.js";
import { buildMonthlyReport } from "../src/services/reports/monthly-report.js";

const APPLICATIONS = 1_000_000;
const RUNS = 5;
const MONTH = reportMonth(2021, 5);

const server = await startEmbeddedPostgres({ dataDir: defaultDataDir("bench-postgres"), port: 54339 });
await ensureDatabase(server.serverUrl, "roadmap_bench");
const url = server.urlFor("roadmap_bench");
await applyMigrations(url);
const db = createPrismaClient(url);

try {
  await seedDatabase(db, { demo: true });
  const existing = await db.application.count();
  if (existing < APPLICATIONS) {
    const started = performance.now();
    // Spread over every position; statuses and dates cycle deterministically over 2020–2022.
    await db.$executeRaw`
      with positions as (select id, "projectId", row_number() over (order by id) as rn from "Position"),
      total as (select count(*) as n from "Position")
      insert into "Application" (number, "projectId", "positionId", status, "priorityGroup", "submittedAt", "updatedAt",
        "referralNumber", "referredAt", "contractDate", wage, "hiredAt")
      select 'BENCH-' || g, p."projectId", p.id, s.status::"ApplicationStatus", g % 2, d.submitted, d.submitted,
        case when s.referred then 'BENCH-R-' || g end,
        case when s.referred then d.submitted + interval '3 days' end,
        case when s.status = 'hired' then (d.submitted + interval '8 days')::date end,
        case when s.status = 'hired' then 90000 + (g % 100) * 1000 end,
        case when s.status = 'hired' then d.submitted + interval '8 days' end
      from generate_series(${existing + 1}::int, ${APPLICATIONS}::int) g
        cross join total
        join positions p on p.rn = 1 + (g::bigint * 7919) % total.n
        cross join lateral (select timestamp '2020-04-01' + (g % 1000) * interval '1 day' as submitted) d
        cross join lateral (select (array['submitted','submitted','submitted','referred','referred','hired','hired','rejected','no_show','withdrawn'])[1 + g % 10] as status,
          (g % 10) between 3 and 6 or (g % 10) = 8 as referred) s`;
    await db.$executeRawUnsafe(`analyze`);
    console.log(`inserted ${APPLICATIONS - existing} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const region = await db.region.findUniqueOrThrow({ where: { kato: "190000000" }, include: { districts: true } }); // Almaty region: the most projects
  const scopes: Array<[string, number[] | null]> = [
    [`${region.nameRu} (${region.districts.length} districts)`, region.districts.map((d) => d.id)],
    ["the whole country", null],
  ];
  console.log(`applications: ${await db.application.count()}, projects: ${await db.project.count()}, month ${MONTH.key}, ${RUNS} runs each`);
  for (const [name, districtIds] of scopes) {
    const times: number[] = [];
    let projects = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const report = await buildMonthlyReport(db, districtIds, MONTH);
      times.push(performance.now() - started);
      projects = report.projects.length;
    }
    times.sort((a, b) => a - b);
    console.log(`${name}: median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, fastest ${times[0]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms (${projects} projects in the report)`);
  }
} finally {
  await db.$disconnect();
  await server.stop();
}
