import pg from "pg";
import PgBoss from "pg-boss";
import { OUTBOX_RETRY } from "../domain/policies.js";
import type { Logger } from "../logger.js";

export const REMINDER_QUEUE = "loan-reminder";
export const NOTIFY_QUEUE = "notify";
export const MONTHLY_REPORT_QUEUE = "monthly-report";
export const FIGURES_REMINDER_QUEUE = "figures-reminder";
export const CONVERSATION_EXPIRY_QUEUE = "conversation-expiry";
export const BACKUP_QUEUE = "backup";

export interface BossOptions {
  /** How often pg-boss looks for expired jobs (those of a worker that died); tests shorten it. */
  maintenanceIntervalSeconds?: number;
  /** How often an instance looks whether a schedule is due (pg-boss: 30 s); tests shorten it. */
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
}

/** pg-boss on the bot's own PostgreSQL: jobs survive restarts and are shared by every instance. */
export async function startBoss(databaseUrl: string, log: Logger, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, application_name: "roadmap-bot-jobs", ...options });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  // Instances starting together on a new database would deadlock creating pg-boss's tables and
  // queues: one at a time, under an advisory lock.
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [SETUP_LOCK]);
    await boss.start();
    await boss.createQueue(REMINDER_QUEUE);
    await boss.createQueue(MONTHLY_REPORT_QUEUE);
    await boss.createQueue(FIGURES_REMINDER_QUEUE);
    await boss.createQueue(CONVERSATION_EXPIRY_QUEUE);
    await boss.createQueue(BACKUP_QUEUE);
    // A job not finished in 60 s is taken for lost (its process died) and tried again.
    await boss.createQueue(NOTIFY_QUEUE, {
      name: NOTIFY_QUEUE,
      retryLimit: OUTBOX_RETRY.maxAttempts + 2,
      retryDelay: OUTBOX_RETRY.firstDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 60,
    });
  } finally {
    await lock.end(); // ends the session, which releases the lock
  }
  return boss;
}

/** Any constant: the advisory lock of pg-boss's set-up. */
const SETUP_LOCK = 7_340_001;

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
