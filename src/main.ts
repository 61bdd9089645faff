// Composition root: config → logger → database → jobs → bot → polling | webhook; clean shutdown.
import { run } from "@grammyjs/runner";
import { Api } from "grammy";
import type { Server } from "node:http";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./project-root.js";
import { publishCommands } from "./bot/commands.js";
import { createI18n } from "./presentation/i18n.js";
import { createBot, CONVERSATION_PREFIX } from "./bot/index.js";
import { startMaintenanceJobs } from "./jobs/maintenance.js";
import { createDownloader } from "./bot/download.js";
import { telegramSender } from "./bot/notification-sender.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { openStore } from "./db/store.js";
import { createServices } from "./services/index.js";
import { applyMigrations, pendingMigrations } from "./db/migrate.js";
import { createMetrics } from "./observability/metrics.js";
import { backupDatabase, backupFileName, pruneBackups } from "./db/backup.js";
import { startBackupJobs } from "./jobs/backups.js";
import { countingFetch } from "./bot/middlewares/observe.js";
import { provisionDatabase } from "./db/provision.js";
import { EmbeddedBinariesError } from "./db/embedded-binaries.js";
import { EmbeddedStartError } from "./db/embedded.js";
import { needsDemo, seedDemoData, seedReference } from "./db/seed/index.js";
import { lazyBoss } from "./jobs/boss.js";
import { createOutbox, requeueUnsent, startNotificationWorker } from "./jobs/outbox.js";
import { startMonthlyJobs } from "./jobs/monthly.js";
import { createReminderScheduler, startReminderWorker } from "./jobs/reminders.js";
import { createLogger, type Logger } from "./logger.js";
import { createHttpServer } from "./server/http.js";
import { createWebApp } from "./web/app.js";
import { warmPublicPages } from "./web/public/routes.js";
import { createWebhookHandler } from "./server/webhook.js";
import { createUpdateLocks } from "./db/update-locks.js";
import { createPii, loadOrCreateKeyFile } from "./services/pii.js";
import { syncAdminRoles } from "./services/users.js";

/**
 * Updates handled at once in polling mode (the runner's default is 500). Beyond a few times the
 * database pool's connections they only wait, each holding its context in memory, and the RSS
 * after 10,000 updates passes 200 MB (bench/process.ts).
 */
const POLLING_CONCURRENCY = 50;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
}

/** What has been started, stopped in reverse order on SIGINT/SIGTERM (also during start-up). */
function shutdownOnSignals(log: Logger) {
  const steps: Array<() => Promise<unknown>> = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    for (const step of steps.reverse())
      await step().catch((error) => log.error({ err: error }, "shutdown step failed"));
    log.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  return { onStop: (step: () => Promise<unknown>) => steps.push(step) };
}

async function main() {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  // Nothing unhandled ends the bot: it is logged, and the other chats go on.
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));
  process.on("uncaughtException", (error) => log.error({ err: error }, "uncaught exception"));
  const { onStop } = shutdownOnSignals(log);

  const database = await provisionDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    port: config.embeddedPort,
    onLog: (line) => (line.startsWith("port ") ? log.info(line) : log.trace({ postgres: line })),
  });
  onStop(() => database.stop());
  log.info({ embedded: database.embedded }, "database ready");
  const applied = await applyMigrations(database.url);
  if (applied.length) log.info({ applied }, "migrations applied");
  const store = openStore(database.url, { poolSize: config.databasePoolSize });
  onStop(() => store.close());
  // The reference data before the bot answers (a second or two); the demo history after, in the background.
  if (await seedReference(store.db)) log.info("reference data seeded");
  const demo = { loading: config.seedDemoData && (await needsDemo(store.db)) };
  const adminsChanged = await syncAdminRoles(store, config.adminIds);
  if (adminsChanged) log.info({ accounts: adminsChanged }, "admin roles follow ADMIN_TELEGRAM_IDS");

  // The embedded default keeps its key beside (not inside) PostgreSQL's data folder.
  const pii = createPii(
    config.piiKey ?? loadOrCreateKeyFile(path.join(path.dirname(database.dataDir ?? "."), "pii.key")),
  );
  const jobs = lazyBoss(database.url, log);
  onStop(() => jobs.stop()); // lets a reminder being sent finish
  const i18n = await createI18n();
  const outbox = createOutbox(jobs.get);
  const services = createServices({ store, pii, outbox });
  // A restored backup started with another key: said now, in one line, rather than on the first IIN read.
  if (!(await services.upkeep.keyOpensData())) {
    log.error("PII_KEY does not open the personal data of this database: start with the key its data was sealed with");
    await database.stop();
    process.exit(1);
  }
  const metrics = createMetrics();
  // Every call to Telegram, the conversations' too, is counted by the client's fetch.
  const client = { ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), fetch: countingFetch(metrics) };
  const bot = createBot(
    {
      services,
      i18n,
      log,
      adminIds: config.adminIds,
      now: () => new Date(),
      reminders: createReminderScheduler(jobs.get),
      download: createDownloader(config.botToken, config.apiRoot),
      webAppUrl: config.webAppUrl,
      metrics,
      demoLoading: () => demo.loading,
    },
    { token: config.botToken, client },
  );
  await bot.init();
  metrics.observe({
    outbox: services.upkeep.outboxState,
    jobs: services.upkeep.jobQueues,
    schedules: services.upkeep.scheduleRuns,
    pool: services.upkeep.poolStats,
    pendingUpdates: async () => (await bot.api.getWebhookInfo()).pending_update_count ?? 0,
  });
  await publishCommands(bot, i18n, log);
  await startReminderWorker(await jobs.get(), { services, log });
  // The outbox retries by itself (with Telegram's retry_after): its Api has no auto-retry.
  const outboxApi = new Api(config.botToken, client);
  await startNotificationWorker(await jobs.get(), {
    services,
    sender: telegramSender(outboxApi, i18n, bot.botInfo.username),
    log,
    rate: config.outboxRate,
  });
  const requeued = await requeueUnsent(await jobs.get(), services);
  if (requeued) log.info({ requeued }, "unsent notifications queued again");
  await startMonthlyJobs(await jobs.get(), { services, log, now: () => new Date() }, config.monthlySchedule);
  await startMaintenanceJobs(await jobs.get(), {
    services,
    log,
    now: () => new Date(),
    conversationPrefix: CONVERSATION_PREFIX,
  });
  if (config.backups) {
    const { cron, keep } = config.backups;
    const dir = config.backups.dir ?? path.join(projectRoot, ".data", "backups");
    await startBackupJobs(await jobs.get(), {
      cron,
      log,
      backUp: async () => {
        mkdirSync(dir, { recursive: true });
        const file = path.join(dir, backupFileName(new Date()));
        const { rows } = await backupDatabase(database.url, file);
        return { file, rows, removed: pruneBackups(dir, keep) };
      },
    });
  }
  let jobsRunning = true;
  onStop(async () => {
    jobsRunning = false;
  });

  const web = createWebApp({
    services,
    i18n,
    botToken: config.botToken,
    log,
    now: () => new Date(),
    deskPath: config.webAppUrl ? new URL(config.webAppUrl).pathname : undefined,
    botUsername: bot.botInfo.username,
    metrics,
    metricsToken: config.metricsToken,
    demoLoading: () => demo.loading,
    ready: async () => ({
      database: await services.upkeep.databaseAnswers(),
      migrations: (await pendingMigrations(database.url).catch(() => ["?"])).length === 0,
      jobs: jobsRunning,
    }),
  });
  let webhook: ReturnType<typeof createWebhookHandler> | undefined;
  if (config.webhook) {
    const locks = createUpdateLocks(database.url);
    onStop(() => locks.close());
    webhook = createWebhookHandler({
      bot,
      services,
      locks,
      log,
      secret: config.webhook.secret,
      replyWithinMs: config.webhook.replyWithinMs,
    });
    onStop(() => webhook!.drain()); // updates answered late finish before the database closes
  }
  if (config.port !== undefined) {
    const server: Server = createHttpServer({
      web,
      log,
      webhook:
        webhook && config.webhook ? { path: new URL(config.webhook.url).pathname, handle: webhook.handle } : undefined,
    });
    const port = config.port;
    await new Promise<void>((resolve) => server.listen(port, resolve));
    onStop(() => new Promise((resolve) => server.close(resolve)));
    log.info({ port, desk: config.webAppUrl }, "http server listening");
    void warmPublicPages(web).then(
      () => log.info("public pages ready"),
      (error) => log.warn({ err: error }, "could not prepare the public pages"),
    );
  }

  if (config.webhook) {
    await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret });
    log.info({ port: config.port, bot: bot.botInfo.username }, "webhook mode: listening");
  } else {
    await bot.api.deleteWebhook();
    const runner = run(bot, { sink: { concurrency: POLLING_CONCURRENCY } });
    onStop(async () => runner.isRunning() && runner.stop()); // waits for the updates in progress
    log.info({ bot: bot.botInfo.username }, "polling: the bot is running");
  }
  if (demo.loading) loadDemoHistory(store, log, demo);
}

/**
 * The demo projects and their 2020–2021 history, loaded while the bot already answers: a line of
 * progress every few seconds, the reports saying "still loading" until it is done.
 */
function loadDemoHistory(store: ReturnType<typeof openStore>, log: Logger, demo: { loading: boolean }) {
  let lastLine = 0;
  log.info("loading the demo history in the background: the bot answers meanwhile");
  const started = Date.now();
  seedDemoData(store.db, (part, done, total) => {
    if (Date.now() - lastLine < 2_000 && done < total) return;
    lastLine = Date.now();
    log.info(`demo history: ${part} ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`);
  })
    .then((seeded) =>
      log.info({ ...seeded, seconds: Math.round((Date.now() - started) / 1000) }, "demo history loaded"),
    )
    .catch((error) => log.error({ err: error }, "the demo history could not be loaded"))
    .finally(() => {
      demo.loading = false;
    });
}

main().catch((error) => {
  console.error(error instanceof EmbeddedBinariesError || error instanceof EmbeddedStartError ? error.message : error);
  process.exit(1);
});
