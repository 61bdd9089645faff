// npm run backup [-- DIR]: a dated, gzipped backup of the bot's database (DATABASE_URL, or the
// embedded one) into DIR (BACKUP_DIR, or .data/backups). Keep PII_KEY (or .data/pii.key) elsewhere:
// the personal data in the file is sealed with it, and a backup is no use without it.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase, backupFileName } from "../src/db/backup.js";
import { projectRoot } from "../src/db/migrate.js";
import { provisionDatabase } from "../src/db/provision.js";

const dir = path.resolve(process.argv[2] ?? process.env.BACKUP_DIR ?? path.join(projectRoot, ".data", "backups"));
const database = await provisionDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
  port: process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : undefined,
});
try {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(new Date()));
  const { rows } = await backupDatabase(database.url, file);
  console.log(`backed up ${rows} rows to ${file}`);
} finally {
  await database.stop();
}
