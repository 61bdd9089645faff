// The environment, read once and validated: an invalid setting stops the start with one line.
import { z } from "zod";
import { DEFAULT_MONTHLY_SCHEDULE, type MonthlySchedule } from "./domain/report.js";
import { DEFAULT_OUTBOX_RATE, TELEGRAM_MESSAGES_PER_SECOND } from "./domain/telegram-limits.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const telegramIds = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parts = (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = parts.find((part) => !/^\d{1,20}$/.test(part));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `"${bad}" is not a Telegram user id (digits, comma-separated)` });
      return z.NEVER;
    }
    return parts.map((part) => BigInt(part));
  });

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
/** Five cron fields (minute hour day month weekday), in Kazakhstan's time. */
const cron = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .regex(/^\S+( \S+){4}$/, { error: 'must be a cron expression of five fields, such as "0 9 1 * *"' })
    .optional(),
);

/** Telegram opens Mini Apps only over HTTPS; plain http only on this machine (tests). */
function isWebAppUrl(value: string): boolean {
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname));
}

/** The public progress page is at / and /kk, /ru: the desk needs a path of its own. */
const hasDeskPath = (value: string) =>
  !["/", "/kk", "/ru", "/open-data", "/public", "/healthz"].includes(
    new URL(value).pathname.replace(/\/+$/, "") || "/",
  );

/** The HTTP server's port when the webhook mode does not name one. */
const DEFAULT_WEBHOOK_PORT = 8080;

const schema = z
  .object({
    BOT_TOKEN: z.string({ error: "is required: the token @BotFather gave you" }).regex(/^\d+:[\w-]{20,}$/, {
      error: "does not look like a bot token (digits, a colon, then letters)",
    }),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
    ),
    DATABASE_POOL_SIZE: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "must be a number of connections" })
        .int({ error: "must be a whole number of connections" })
        .min(1, { error: "must be at least 1" })
        .max(200, { error: "must be at most 200" })
        .optional(),
    ),
    BOT_MODE: z.preprocess(
      emptyAsUndefined,
      z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
    ),
    WEBHOOK_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/, error: "must be an https:// URL" }).optional(),
    ),
    WEBHOOK_SECRET: optionalString,
    WEBHOOK_REPLY_WITHIN_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "must be a number of seconds" })
        .min(0.1, { error: "must be at least 0.1" })
        .max(55, { error: "must be at most 55 (Telegram waits about 60 s)" })
        .default(50),
    ),
    PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).optional(),
    ),
    WEB_APP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url({ error: "must be the staff desk's URL, such as https://bot.example.kz/desk" })
        .refine(isWebAppUrl, {
          error:
            "must be an https:// URL (Telegram opens Mini Apps only over HTTPS); http:// is accepted only for 127.0.0.1 or localhost, for tests",
        })
        .refine(hasDeskPath, {
          error: "needs a path of its own, such as https://bot.example.kz/desk (the public page is at /)",
        })
        .optional(),
    ),
    OUTBOX_RATE: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "must be a number of messages a second" })
        .min(0.1, { error: "must be at least 0.1" })
        .max(TELEGRAM_MESSAGES_PER_SECOND, {
          error: `must be at most ${TELEGRAM_MESSAGES_PER_SECOND} (Telegram's limit)`,
        })
        .default(DEFAULT_OUTBOX_RATE),
    ),
    METRICS_TOKEN: z.preprocess(
      emptyAsUndefined,
      z.string().min(16, { error: "must be at least 16 characters (a random secret)" }).optional(),
    ),
    TELEGRAM_API_ROOT: z.preprocess(
      emptyAsUndefined,
      z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional(),
    ),
    ADMIN_TELEGRAM_IDS: telegramIds,
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    ),
    SEED_DEMO_DATA: z.preprocess(
      emptyAsUndefined,
      z.enum(["true", "false"], { error: "must be true or false" }).optional(),
    ),
    DATA_DIR: optionalString,
    EMBEDDED_DB_PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "must be a port number" })
        .int({ error: "must be a port number" })
        .min(1024, { error: "must be a port from 1024 to 65535" })
        .max(65535, { error: "must be a port from 1024 to 65535" })
        .optional(),
    ),
    MONTHLY_REPORT_CRON: cron,
    FIGURES_REMINDER_CRON: cron,
    BACKUP_CRON: cron,
    BACKUP_DIR: optionalString,
    BACKUP_KEEP: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "must be a whole number of backups" }).int().min(1).max(1000).default(7),
    ),
    PII_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine((value) => Buffer.from(value, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(value), {
          error: "must be 32 random bytes in base64 (openssl rand -base64 32)",
        })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.PII_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["PII_KEY"],
        message: "is required with DATABASE_URL: 32 random bytes in base64 (openssl rand -base64 32)",
      });
    }
    if (env.WEB_APP_URL && env.BOT_MODE !== "webhook" && env.PORT === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["PORT"],
        message: "is required with WEB_APP_URL: the staff desk is served by the bot's own HTTP server",
      });
    }
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET || env.WEBHOOK_SECRET.length < 16) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "must be at least 16 characters when BOT_MODE=webhook",
      });
    } else if (!/^[A-Za-z0-9_-]+$/.test(env.WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "may hold only letters, digits, _ and - (Telegram's rule)",
      });
    }
  });

export interface Config {
  botToken: string;
  databaseUrl?: string;
  /** Connections of this process to PostgreSQL; by default two per core (src/db/store.ts). */
  databasePoolSize?: number;
  mode: "polling" | "webhook";
  /** replyWithinMs: an update still being handled then is answered 200 and goes on in the background. */
  webhook?: { url: string; secret: string; port: number; replyWithinMs: number };
  /** The HTTP server's port (the webhook, /healthz, the web pages): none in polling mode without PORT. */
  port?: number;
  /** The staff desk's address (a Telegram Mini App). */
  webAppUrl?: string;
  apiRoot?: string;
  /** Notifications a second, all instances together. */
  outboxRate: number;
  /** The bearer token /metrics asks for; no /metrics without it. */
  metricsToken?: string;
  adminIds: readonly bigint[];
  logLevel: (typeof LOG_LEVELS)[number];
  /** Demo data goes in by default only on the embedded database. */
  seedDemoData: boolean;
  dataDir?: string;
  /** The embedded PostgreSQL's port: this one or nothing (EMBEDDED_DB_PORT); unset, 54329 or a free one when that is taken. */
  embeddedPort?: number;
  /** Key of the personal data at rest; generated into the data folder on the embedded database. */
  piiKey?: Buffer;
  /** When the monthly report and the figures reminder go out. */
  monthlySchedule: MonthlySchedule;
  /** Backups on a schedule of the bot's own (BACKUP_CRON, in Kazakhstan's time): where, and how many are kept. */
  backups?: { cron: string; dir?: string; keep: number };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = issue.path[0] === undefined ? "configuration" : String(issue.path[0]);
    throw new ConfigError(`${variable} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    mode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook"
        ? {
            url: e.WEBHOOK_URL!,
            secret: e.WEBHOOK_SECRET!,
            port: e.PORT ?? DEFAULT_WEBHOOK_PORT,
            replyWithinMs: e.WEBHOOK_REPLY_WITHIN_SECONDS * 1000,
          }
        : undefined,
    port: e.PORT ?? (e.BOT_MODE === "webhook" ? DEFAULT_WEBHOOK_PORT : undefined),
    webAppUrl: e.WEB_APP_URL,
    apiRoot: e.TELEGRAM_API_ROOT,
    outboxRate: e.OUTBOX_RATE,
    metricsToken: e.METRICS_TOKEN,
    adminIds: e.ADMIN_TELEGRAM_IDS,
    logLevel: e.LOG_LEVEL,
    seedDemoData: e.SEED_DEMO_DATA ? e.SEED_DEMO_DATA === "true" : !e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedPort: e.EMBEDDED_DB_PORT,
    piiKey: e.PII_KEY ? Buffer.from(e.PII_KEY, "base64") : undefined,
    monthlySchedule: {
      reportCron: e.MONTHLY_REPORT_CRON ?? DEFAULT_MONTHLY_SCHEDULE.reportCron,
      reminderCron: e.FIGURES_REMINDER_CRON ?? DEFAULT_MONTHLY_SCHEDULE.reminderCron,
    },
    backups: e.BACKUP_CRON ? { cron: e.BACKUP_CRON, dir: e.BACKUP_DIR, keep: e.BACKUP_KEEP } : undefined,
  };
}
