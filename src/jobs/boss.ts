import PgBoss from "pg-boss";
import type { Logger } from "../logger.js";

export const REMINDER_QUEUE = "loan-reminder";

/** pg-boss on the bot's own PostgreSQL: jobs survive restarts and are shared by every instance. */
export async function startBoss(databaseUrl: string, log: Logger): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, application_name: "roadmap-bot-jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE);
  return boss;
}

/** Starts pg-boss on first use: tests and instances that never schedule pay nothing. */
export function lazyBoss(databaseUrl: string, log: Logger): { get(): Promise<PgBoss>; stop(): Promise<void> } {
  let started: Promise<PgBoss> | undefined;
  return {
    get: () => (started ??= startBoss(databaseUrl, log)),
    async stop() {
      if (started) await (await started).stop({ graceful: true, wait: true });
    },
  };
}
