// npm run restore -- FILE [--force]: restores a backup (npm run backup) into the bot's database
// (DATABASE_URL, or the embedded one), which must be empty unless --force, which replaces it.
// Start the bot afterwards with the same PII_KEY as the backup's: it says at once when the key does
// not open the data.
import { restoreDatabase, RestoreRefused } from "../src/db/backup.js";
import { provisionDatabase } from "../src/db/provision.js";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("usage: npm run restore -- FILE [--force]");
  process.exit(2);
}
const database = await provisionDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
  port: process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : undefined,
});
try {
  const restored = await restoreDatabase(database.url, file, { force: args.includes("--force") });
  console.log(
    `restored ${restored.rows} rows and ${restored.jobs} waiting jobs of the backup of ${restored.createdAt}`,
  );
} catch (error) {
  if (!(error instanceof RestoreRefused)) throw error;
  console.error(`restore refused: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
