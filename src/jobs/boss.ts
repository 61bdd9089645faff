import PgBoss from "pg-boss";
import { OUTBOX_RETRY } from "../domain/rules.js";
import type { Logger } from "../logger.js";

export const REMINDER_QUEUE = "loan-reminder";
export const NOTIFY_QUEUE = "notify";

export interface BossOptions {
  /** How often pg-boss looks for expired jobs (those of a worker that died); tests shorten it. */
  maintenanceIntervalSeconds?: number;
}

/** pg-boss on the bot's own PostgreSQL: jobs survive restarts and are shared by every instance. */
export async function startBoss(databaseUrl: string, log: Logger, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, application_name: "roadmap-bot-jobs", ...options });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE);
  // A job not finished in 60 s is taken for lost (its process died) and tried again.
  await boss.createQueue(NOTIFY_QUEUE, {
    name: NOTIFY_QUEUE, retryLimit: OUTBOX_RETRY.maxAttempts + 2, retryDelay: OUTBOX_RETRY.firstDelaySeconds, retryBackoff: true, expireInSeconds: 60,
  });
  return boss;
}

export interface LazyBoss {
  get(): Promise<PgBoss>;
  stop(): Promise<void>;
}

/** Starts pg-boss on first use: tests and instances that never schedule pay nothing. */
export function lazyBoss(databaseUrl: string, log: Logger, options: BossOptions = {}): LazyBoss {
  let started: Promise<PgBoss> | undefined;
  return {
    get: () => (started ??= startBoss(databaseUrl, log, options)),
    async stop() {
      if (started) await (await started).stop({ graceful: true, wait: true });
    },
  };
}
