// Backups on a schedule of the bot's own (BACKUP_CRON, in Kazakhstan's time; pg-boss fires it once
// across instances): the embedded default's way to keep dated backups without an operator's cron.
import type PgBoss from "pg-boss";
import type { Logger } from "../logger.js";
import { REPORT_TIME_ZONE } from "../domain/report.js";
import { BACKUP_QUEUE } from "./boss.js";

export async function startBackupJobs(
  boss: PgBoss,
  deps: { cron: string; log: Logger; backUp: () => Promise<{ file: string; rows: number; removed: string[] }> },
): Promise<void> {
  await boss.schedule(BACKUP_QUEUE, deps.cron, {}, { tz: REPORT_TIME_ZONE });
  await boss.work(BACKUP_QUEUE, async () => {
    const done = await deps.backUp();
    deps.log.info(done, "backup written");
  });
}
