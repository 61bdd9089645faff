// Backups of the database as one gzipped file of JSON lines: a header (format, time, the migrations
// applied), then every row of every table of the public schema (as PostgreSQL's row_to_json writes
// it: never parsed here, so no number loses a digit), then the jobs waiting in pg-boss that
// nothing else would make again (loan reminders). Restoring applies the migrations to an empty
// database, loads the rows with triggers off (the counters they keep come back as they were),
// sets every sequence past its largest id, and puts the waiting jobs back with their ids.
// The personal data stays as it is at rest: sealed with PII_KEY, which is not in the file.
import { createReadStream, createWriteStream, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import PgBoss from "pg-boss";
import { applyMigrations } from "./migrate.js";

export const BACKUP_FORMAT = "roadmap-bot-backup";
const FORMAT_VERSION = 1;
/** Rows a statement inserts at once when restoring. */
const BATCH = 1_000;
/** pg-boss's queues whose waiting jobs the backup keeps: the others are made again at start (the outbox's, the schedules'). */
const KEPT_QUEUES = ["loan-reminder"];

type Line =
  | { kind: "header"; format: string; version: number; createdAt: string; migrations: string[] }
  | { kind: "table"; name: string; columns: string[] }
  | { kind: "job"; job: { id: string; name: string; data: unknown; startAfter: string } };

/** The tables of the public schema that hold data (all of them but Prisma's own record of migrations). */
async function tables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> '_prisma_migrations' order by 1`,
  );
  return rows.map((row) => row.name);
}

/** A table's columns that a row can be given (generated columns are made by PostgreSQL). */
async function writableColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select column_name as name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes the backup of `url` to `file` (gzipped JSON lines); the number of rows. */
export async function backupDatabase(url: string, file: string, now = new Date()): Promise<{ rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  async function* lines() {
    // One snapshot for every table: the backup is of one moment.
    await client.query("begin isolation level repeatable read read only");
    const migrations = await client.query<{ name: string }>(
      `select migration_name as name from _prisma_migrations where finished_at is not null order by 1`,
    );
    const header: Line = {
      kind: "header",
      format: BACKUP_FORMAT,
      version: FORMAT_VERSION,
      createdAt: now.toISOString(),
      migrations: migrations.rows.map((row) => row.name),
    };
    yield `${JSON.stringify(header)}\n`;
    for (const table of await tables(client)) {
      const columns = await writableColumns(client, table);
      yield `${JSON.stringify({ kind: "table", name: table, columns } satisfies Line)}\n`;
      const list = columns.map(quote).join(", ");
      // A cursor keeps memory flat whatever the table's size.
      await client.query(
        `declare rows_of cursor for select row_to_json(t)::text as row from (select ${list} from ${quote(table)}) t`,
      );
      for (;;) {
        const batch = await client.query<{ row: string }>(`fetch ${BATCH} from rows_of`);
        if (!batch.rows.length) break;
        rows += batch.rows.length;
        yield `${batch.rows.map((r) => r.row).join("\n")}\n`;
      }
      await client.query("close rows_of");
    }
    const boss = await client.query<{ exists: boolean }>(`select to_regclass('pgboss.job') is not null as exists`);
    if (boss.rows[0]?.exists) {
      const jobs = await client.query<{ id: string; name: string; data: unknown; start_after: Date }>(
        `select id::text, name, data, start_after from pgboss.job where name = any($1) and state in ('created', 'retry')`,
        [KEPT_QUEUES],
      );
      for (const job of jobs.rows) {
        const line: Line = {
          kind: "job",
          job: { id: job.id, name: job.name, data: job.data, startAfter: job.start_after.toISOString() },
        };
        yield `${JSON.stringify(line)}\n`;
      }
    }
    await client.query("commit");
  }
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  } finally {
    await client.end();
  }
  return { rows };
}

export class RestoreRefused extends Error {}

/** Whether the database holds anything of the bot's: a migration applied or a table of its own. */
async function isEmpty(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ count: number }>(
    `select count(*)::int as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'pgboss') and c.relkind in ('r', 'p')`,
  );
  return rows[0]!.count === 0;
}

/**
 * Restores `file` into the database of `url`: refused (RestoreRefused) unless it is empty, or
 * `force` is given, which drops what is there first. The number of rows restored.
 */
export async function restoreDatabase(url: string, file: string, options: { force?: boolean } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!(await isEmpty(client))) {
      if (!options.force)
        throw new RestoreRefused("the database is not empty: restore into an empty one, or add --force to replace it");
      await client.query("drop schema if exists pgboss cascade");
      await client.query("drop schema public cascade");
      await client.query("create schema public");
    }
    const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let table: { name: string; columns: string[] } | undefined;
    let batch: string[] = [];
    let rows = 0;
    const jobs: Array<Extract<Line, { kind: "job" }>["job"]> = [];
    const flush = async () => {
      if (!table || !batch.length) return;
      const list = table.columns.map(quote).join(", ");
      await client.query(
        `insert into ${quote(table.name)} (${list}) select ${list} from json_populate_recordset(null::${quote(table.name)}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      rows += batch.length;
      batch = [];
    };
    let header: Extract<Line, { kind: "header" }> | undefined;
    for await (const text of input) {
      if (!text) continue;
      if (!header) {
        header = JSON.parse(text) as Extract<Line, { kind: "header" }>;
        if (header.format !== BACKUP_FORMAT) throw new RestoreRefused("this file is not a backup of the bot");
        await applyMigrations(url);
        // Triggers off while loading: the counters they keep (places taken, counts by status) are in the rows.
        await client.query("begin");
        await client.query("set local session_replication_role = replica");
        // Rows the migrations made (the outbox's clock) come back from the file as they were.
        await client.query(`truncate ${(await tables(client)).map(quote).join(", ")}`);
        continue;
      }
      if (text.startsWith('{"kind":"table"')) {
        await flush();
        table = JSON.parse(text) as { name: string; columns: string[] };
      } else if (text.startsWith('{"kind":"job"')) {
        await flush();
        table = undefined;
        jobs.push((JSON.parse(text) as Extract<Line, { kind: "job" }>).job);
      } else {
        batch.push(text);
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
    if (!header) throw new RestoreRefused("the file is empty");
    // Every sequence past the largest id it gave.
    const sequences = await client.query<{ table: string; column: string; sequence: string }>(
      `select c.table_name as table, c.column_name as column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
       from information_schema.columns c where c.table_schema = 'public' and c.column_default like 'nextval%'`,
    );
    for (const s of sequences.rows)
      await client.query(
        `select setval($1, coalesce((select max(${quote(s.column)}) from ${quote(s.table)}), 0) + 1, false)`,
        [s.sequence],
      );
    await client.query("commit");
    if (jobs.length) {
      const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
      await boss.start();
      try {
        for (const name of new Set(jobs.map((job) => job.name))) await boss.createQueue(name);
        await boss.insert(
          jobs.map((job) => ({
            id: job.id,
            name: job.name,
            data: job.data as object,
            startAfter: new Date(job.startAfter),
          })),
        );
      } finally {
        await boss.stop({ graceful: false });
      }
    }
    return { rows, jobs: jobs.length, createdAt: header.createdAt };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** `roadmap-2026-12-07-153000.backup.gz`: sorts by time. */
export const backupFileName = (now: Date) =>
  `roadmap-${now.toISOString().slice(0, 19).replace("T", "-").replace(/:/g, "")}.backup.gz`;

/** Keeps the newest `keep` backups of `dir` (by their dated names); the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .filter((name) => /^roadmap-\d{4}-\d{2}-\d{2}-\d{6}\.backup\.gz$/.test(name))
    .sort()
    .reverse();
  const removed = backups.slice(keep);
  for (const name of removed) rmSync(path.join(dir, name));
  return removed;
}
