// `npm run bench`: every benchmark of issue 10, a table of the figures against their targets, and
// bench/results.json with the machine, the date and every figure. It asserts nothing: a slow machine
// gives slow figures. `npm run bench -- nearest queue` runs only those parts.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monthlyReports, nearestProjects, queuePages } from "./lookups.js";
import { startBenchServer } from "./database.js";
import { driverCost } from "./driver.js";
import { startupAndMemory } from "./process.js";
import { ROUNDS, updateThroughput } from "./throughput.js";
import { outboxThroughput } from "./outbox.js";
import { deskQueuePages } from "./desk.js";
import { publicPages } from "./public.js";

const PARTS = ["updates", "nearest", "queue", "desk", "public", "report", "process", "driver", "outbox"] as const;
type Part = (typeof PARTS)[number];
const chosen = new Set<Part>(process.argv.slice(2).length ? (process.argv.slice(2) as Part[]) : PARTS);

interface Row {
  figure: string;
  measured: number;
  unit: string;
  target: string;
  met: boolean;
}
const rows: Row[] = [];
const row = (figure: string, measured: number, unit: string, target: number, atMost = true) =>
  rows.push({
    figure,
    measured,
    unit,
    target: `${atMost ? "≤" : "≥"} ${target}`,
    met: atMost ? measured <= target : measured >= target,
  });
const results: Record<string, unknown> = {};
const log = (line: string) => console.log(line);

const server = await startBenchServer(log);
try {
  if (chosen.has("driver")) {
    const database = await server.open("roadmap_bench_updates", { applications: false });
    try {
      const r = await driverCost(database.db, database.url);
      results.driver = r;
      log(
        `one round trip (the account query), CPU of this process per call: Prisma $queryRaw ${r.prismaQueryRaw} ms, Prisma findUnique ${r.prismaFindUnique} ms, pg ${r.pg} ms`,
      );
    } finally {
      await database.stop();
    }
  }
  if (chosen.has("updates") || chosen.has("process")) {
    const updates = await server.open("roadmap_bench_updates", { applications: false });
    try {
      if (chosen.has("updates")) {
        const r = await updateThroughput(updates.store, updates.url, updates.dataDir);
        results.updates = r;
        log(
          `updates: ${r.bot.updates * ROUNDS} measured at concurrency ${r.concurrency} in ${ROUNDS} rounds, the bot and the bare bot in turn; ${r.outcome.applications} applications and ${r.outcome.referrals} referrals made`,
        );
        const range = (s: { median: number; min: number; max: number }, unit = "") =>
          `${s.median}${unit} (${s.min}–${s.max})`;
        log(
          `over the rounds, median (range): ratio ${range(r.rounds.ratio)}; updates/s the bot ${range(r.rounds.perSecond.bot)}, the bare bot ${range(r.rounds.perSecond.bareEcho)}; p99 the bot ${range(r.rounds.p99.bot, " ms")}, the bare bot ${range(r.rounds.p99.bareEcho, " ms")}`,
        );
        log(
          `cores busy (Node and PostgreSQL CPU over the run, of ${os.cpus().length} cores): the bot ${r.bot.coresBusy ?? "—"}, the bare echo bot ${r.bareEcho.coresBusy ?? "—"}`,
        );
        const thread = (t: typeof r.bot) =>
          t.mainThread ? `${t.mainThread.onCore} ms on a core, ${t.mainThread.waiting} ms waiting for one` : "—";
        log(`Node's main thread per update: the bot ${thread(r.bot)}; the bare echo bot ${thread(r.bareEcho)}`);
        log("CPU per update by kind, each kind on its own (ms):");
        console.table(
          Object.fromEntries(
            Object.entries(r.costByKind).map(([kind, cost]) => [
              kind,
              { Node: cost.node, PostgreSQL: cost.postgres ?? "—" },
            ]),
          ),
        );
        row("1. updates per second (the bot), median of the rounds", r.rounds.perSecond.bot.median, "/s", 1_000, false);
        row("1. update latency p99 (the bot), median of the rounds", r.rounds.p99.bot.median, "ms", 50);
        row(
          "1. updates per second (bare echo bot), median of the rounds",
          r.rounds.perSecond.bareEcho.median,
          "/s",
          0,
          false,
        );
        row("1. ratio bot / bare echo bot, median of the rounds", r.rounds.ratio.median, "", 0.5, false);
      }
      if (chosen.has("process")) {
        const project = await updates.db.project.findFirstOrThrow({
          where: { status: "in_progress" },
          orderBy: { id: "asc" },
        });
        const r = await startupAndMemory(updates.url, project.id);
        results.process = r;
        row("5. start-up to the first answered update", r.startupSeconds, "s", 3);
        row(`5. RSS after ${r.updates} updates`, r.rssMegabytes, "MB", 200);
      }
    } finally {
      await updates.stop();
    }
  }
  if (chosen.has("outbox")) {
    const database = await server.open("roadmap_bench_outbox", { applications: false, demo: false });
    try {
      const r = await outboxThroughput(database.store, database.url, log);
      results.outbox = r;
      log(
        `outbox: ${r.notifications} notifications in ${r.seconds} s; ${r.tooManyRequests} answers 429; ${r.givenUp} given up; ${r.duplicates} people told twice`,
      );
      row(`7. outbox messages per second (2 workers, ${r.notifications} people)`, r.perSecond, "/s", 25, false);
      row("7. outbox notifications given up", r.givenUp, "", 0);
      row("7. outbox duplicates", r.duplicates, "", 0);
    } finally {
      await database.stop();
    }
  }
  if (
    chosen.has("nearest") ||
    chosen.has("queue") ||
    chosen.has("desk") ||
    chosen.has("public") ||
    chosen.has("report")
  ) {
    const big = await server.open("roadmap_bench", { applications: true });
    try {
      results.data = { applications: await big.db.application.count(), projects: await big.db.project.count() };
      if (chosen.has("nearest")) {
        const r = await nearestProjects(big.store);
        results.nearest = r;
        row(`2. nearest projects p50 (${r.points} points)`, r.p50, "ms", 5);
        row(`2. nearest projects p99 (${r.points} points)`, r.p99, "ms", 5);
      }
      if (chosen.has("queue")) {
        const r = await queuePages(big.store);
        results.queue = r;
        row(`3. staff queue page 1 p99 (${r.total} in the queue)`, r.page1.p99, "ms", 20);
        row("3. staff queue page 100 p99", r.page100.p99, "ms", 20);
      }
      if (chosen.has("desk")) {
        const r = await deskQueuePages(big.store);
        results.desk = r;
        row("8. staff desk queue page, server-side p99", r.first.p99, "ms", 50);
        row("8. staff desk queue page, status and priority group, newest first, p99", r.filtered.p99, "ms", 50);
        row("8. staff desk queue page 200 p99", r.deep.p99, "ms", 50);
        log(`staff desk queue sorted by project name (the whole filter sorted, no index), p99: ${r.byProject.p99} ms`);
      }
      if (chosen.has("public")) {
        const r = await publicPages(big.store);
        results.public = r;
        log(
          `public pages, first render (the report behind each): ${Object.entries(r.firstMs)
            .map(([path, ms]) => `${path} ${ms} ms`)
            .join(", ")}; open data projects.csv ${r.openDataFirstMs} ms`,
        );
        row("9. public pages (country, region, project), server-side p99", r.pages.p99, "ms", 50);
      }
      if (chosen.has("report")) {
        const r = await monthlyReports(big.store);
        results.report = r;
        row("4. monthly report, Almaty region (median)", r.region.p50, "ms", 1_000);
        row("4. monthly report, the country (median)", r.country.p50, "ms", 3_000);
      }
    } finally {
      await big.stop();
    }
  }
} finally {
  await server.stop();
}

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
console.log(`\n${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}`);
console.table(
  rows.map((r) => ({
    figure: r.figure,
    measured: `${r.measured} ${r.unit}`.trim(),
    target: `${r.target} ${r.unit}`.trim(),
    met: r.met ? "yes" : "NO",
  })),
);
const file = path.join(import.meta.dirname, "results.json");
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, rows, results }, null, 2)}\n`);
console.log(`written ${path.relative(process.cwd(), file)}`);
