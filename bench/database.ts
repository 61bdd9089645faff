// The benchmarks' databases on their own embedded PostgreSQL (.data/bench-postgres), so the demo
// database of `npm start` is left alone: `roadmap_bench` has the demo data and 1,000,000
// applications; `roadmap_bench_updates` the demo data only, where people still find room to apply
// (the million fill every position many times over). The first run fills them (a few minutes);
// later runs reuse them.
import { performance } from "node:perf_hooks";
import { openStore, type Db, type Store } from "../src/db/store.js";
import { defaultDataDir, ensureDatabase, startEmbeddedPostgres } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrate.js";
import { seedDatabase } from "../src/db/seed/index.js";

export const APPLICATIONS = 1_000_000;
const PORT = 54349;

export interface BenchDatabase {
  store: Store;
  db: Db;
  url: string;
  /** The server's data directory (its CPU time is read through its postmaster.pid). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Spread over every position; statuses and dates cycle deterministically over 2020–2022. */
async function fillApplications(db: Db, log: (line: string) => void) {
  const existing = await db.application.count();
  if (existing >= APPLICATIONS) return;
  const started = performance.now();
  // A million rows at once: the places taken are counted once afterwards instead of by the trigger row by row.
  await db.$executeRaw`alter table "Application" disable trigger "Application_taken"`;
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
  await db.$executeRaw`
    update "Position" s set taken = (select count(*) from "Application" a where a."positionId" = s.id and a.status in ('referred', 'hired'))`;
  await db.$executeRaw`alter table "Application" enable trigger "Application_taken"`;
  // what autovacuum would have done by the time such a table is read: statistics and the visibility map
  await db.$executeRawUnsafe(`vacuum (analyze)`);
  log(`inserted ${APPLICATIONS - existing} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export interface BenchServer {
  open(
    name: "roadmap_bench" | "roadmap_bench_updates" | "roadmap_bench_outbox",
    options: { applications: boolean; demo?: boolean },
  ): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

export async function startBenchServer(log: (line: string) => void): Promise<BenchServer> {
  const dataDir = defaultDataDir("bench-postgres");
  const server = await startEmbeddedPostgres({ dataDir, port: PORT });
  return {
    async open(name, options) {
      await ensureDatabase(server.serverUrl, name);
      const url = server.urlFor(name);
      await applyMigrations(url);
      const store = openStore(url);
      const db = store.db;
      const seeded = await seedDatabase(db, { demo: options.demo ?? true });
      if (seeded.demo) log(`${name}: demo data seeded`);
      if (options.applications) await fillApplications(db, log);
      return { store, db, url, dataDir, stop: () => store.close() };
    },
    stop: () => server.stop(),
  };
}
