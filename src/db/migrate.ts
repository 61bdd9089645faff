import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "../project-root.js";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
export { projectRoot };
const migrationsDir = path.join(projectRoot, "prisma/migrations");

function prismaCliPath(): string {
  return createRequire(import.meta.url).resolve("prisma/build/index.js");
}

/** Runs a Prisma CLI command (through prisma.config.ts and its driver adapter) on the database. */
export async function runPrismaCli(args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, [prismaCliPath(), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** The committed migrations that the database has not finished yet. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const committed = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = await client.query<{ migration_name: string }>(
      `select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`,
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return committed.filter((name) => !done.has(name));
  } catch {
    return committed; // no _prisma_migrations table yet
  } finally {
    await client.end();
  }
}

/** Prisma's own lock for migrations: instances (and the Prisma CLI) starting together take turns. */
const MIGRATION_LOCK = 72707369;

/**
 * Applies the pending migrations as `prisma migrate deploy` would, without starting the Prisma
 * CLI (whose WebAssembly engine takes about ten seconds to start and end: most of a first start).
 * Each migration's script runs in one transaction with its row in `_prisma_migrations` (the same
 * table, name and checksum as Prisma's, so that the CLI sees them applied), under Prisma's lock.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  if ((await pendingMigrations(databaseUrl)).length === 0) return [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`create table if not exists "_prisma_migrations" (
      "id" varchar(36) primary key not null,
      "checksum" varchar(64) not null,
      "finished_at" timestamptz,
      "migration_name" varchar(255) not null,
      "logs" text,
      "rolled_back_at" timestamptz,
      "started_at" timestamptz not null default now(),
      "applied_steps_count" integer not null default 0)`);
    // Read again under the lock: another instance may have applied them meanwhile.
    const pending = await pendingMigrations(databaseUrl);
    for (const name of pending) {
      const script = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      await client.query("begin");
      try {
        const started = new Date();
        await client.query(script);
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           values ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), createHash("sha256").update(script).digest("hex"), name, started],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
    }
    return pending;
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
