import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Db, type Store } from "../../src/db/store.js";

export const TEMPLATE_DATABASE = "roadmap_test_template";

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: inject("pgServerUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  /** The one door, as the services get it… */
  store: Store;
  /** …and its Prisma client, for a test's own set-up and checks. */
  db: Db;
  drop(): Promise<void>;
}

/** A fresh database for one test file: the migrated template with the reference data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `roadmap_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  const url = databaseUrl(inject("pgServerUrl"), name);
  const store = openStore(url, { poolSize: 5 });
  return {
    url,
    store,
    db: store.db,
    async drop() {
      await store.close();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
