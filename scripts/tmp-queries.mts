import pg from "pg";
import { startBenchServer } from "../bench/database.js";
import { prepare, instantTelegram } from "../bench/throughput.js";
import { createI18n } from "../src/bot/i18n.js";
import { createBot } from "../src/bot/index.js";
import { createLogger } from "../src/logger.js";
import { createPii } from "../src/services/pii.js";
import { lazyBoss } from "../src/jobs/boss.js";
import { createOutbox } from "../src/jobs/outbox.js";
import { createReminderScheduler } from "../src/jobs/reminders.js";
import { BOT_INFO } from "../test/helpers/harness.js";

let log: string[] | null = null;
const orig = pg.Client.prototype.query;
(pg.Client.prototype as any).query = function (this: any, ...args: any[]) {
  const q = args[0];
  if (log) log.push(typeof q === "string" ? q : q?.text ?? String(q));
  return (orig as any).apply(this, args);
};
const server = await startBenchServer(console.log);
const b = await server.open("roadmap_bench_updates", { applications: false });
const i18n = await createI18n();
const pii = createPii(Buffer.alloc(32, 11));
const sessions = await prepare(b.db, pii, i18n.getFixedT("ru")("menu.jobs"));
const jobs = lazyBoss(b.url, createLogger("silent"));
await jobs.get();
const t = instantTelegram();
const bot = createBot({ db: b.db, i18n, log: createLogger("silent"), adminIds: [], now: () => new Date(), reminders: createReminderScheduler(jobs.get), pii, outbox: createOutbox(jobs.get), download: async () => Buffer.alloc(0) }, { token: "1:x", botInfo: BOT_INFO, client: { fetch: t.fetch } });
for (const s of sessions.measured.slice(0, 2)) for (const u of s) {
  log = [];
  await bot.handleUpdate(u);
  const kind = u.callback_query?.data ?? u.message?.text ?? "location";
  console.log(`\n=== ${kind}: ${log.length} queries`);
  for (const q of log) console.log("  " + q.replace(/\s+/g, " ").slice(0, 220));
  log = null;
}
await jobs.stop(); await b.stop(); await server.stop();
