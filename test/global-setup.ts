// One PostgreSQL for the whole run (embedded, or the server of DATABASE_URL) and a migrated
// template database with the reference data; every test file copies it into its own database.
import type { TestProject } from "vitest/node";
import { openStore } from "../src/db/store.js";
import { defaultDataDir, ensureDatabase, startEmbeddedPostgres } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrate.js";
import { seedReferenceData } from "../src/db/seed/reference.js";
import { TEMPLATE_DATABASE, databaseUrl } from "./helpers/database.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: defaultDataDir("postgres-test"), port: 54339, durable: false });
  const serverUrl = embedded?.serverUrl ?? process.env.DATABASE_URL!;
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  const templateUrl = databaseUrl(serverUrl, TEMPLATE_DATABASE);
  await applyMigrations(templateUrl);
  const store = openStore(templateUrl, { poolSize: 1 });
  if ((await store.db.region.count()) === 0) await seedReferenceData(store.db);
  await store.close();
  project.provide("pgServerUrl", serverUrl);
  return async () => {
    await embedded?.stop();
  };
}
