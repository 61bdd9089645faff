import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
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

/**
 * Applies pending migrations with `prisma migrate deploy`. The check comes first because the
 * CLI's WebAssembly engine keeps its process alive ~10 s after finishing.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length > 0) await runPrismaCli(["migrate", "deploy"], databaseUrl);
  return pending;
}
