// `npm run db:seed`: migrate, then fill the reference data and the demo data where missing.
import { openStore } from "../src/db/store.js";
import { applyMigrations } from "../src/db/migrate.js";
import { provisionDatabase } from "../src/db/provision.js";
import { seedDatabase } from "../src/db/seed/index.js";

const database = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
const store = openStore(database.url);
try {
  await applyMigrations(database.url);
  const started = Date.now();
  const outcome = await seedDatabase(store.db, { demo: process.env.SEED_DEMO_DATA !== "false" });
  console.log(`seeded ${JSON.stringify(outcome)} in ${Date.now() - started} ms`);
} finally {
  await store.close();
  await database.stop();
}
