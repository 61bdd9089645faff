// Runs the Prisma CLI on the project's database (DATABASE_URL, or the embedded one).
//   npm run db:migrate               apply pending migrations
//   npm run db:migration -- <name>   create the next migration from prisma/schema.prisma
import { readdirSync } from "node:fs";
import path from "node:path";
import { applyMigrations, projectRoot, runPrismaCli } from "../src/db/migrate.js";
import { provisionDatabase } from "../src/db/provision.js";

const [command, name] = process.argv.slice(2);
const database = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
try {
  if (command === "migrate-deploy") {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
  } else if (command === "migrate-dev") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration -- <snake_case_name>");
    const folder = path.join(projectRoot, "prisma/migrations");
    const before = new Set(readdirSync(folder));
    try {
      process.stdout.write(await runPrismaCli(["migrate", "dev", "--create-only", "--name", name], database.url));
    } catch (error) {
      // Prisma 6.19's WebAssembly engine can fail with "null pointer passed to rust" while
      // shutting down, after it has written the migration: only a missing folder is a failure.
      if (!readdirSync(folder).some((entry) => !before.has(entry))) throw error;
    }
    const created = readdirSync(folder).filter((entry) => !before.has(entry));
    console.log(`created prisma/migrations/${created.join(", ")}: review it, then commit it`);
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await database.stop();
}
