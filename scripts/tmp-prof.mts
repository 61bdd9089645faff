import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
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

const server = await startBenchServer(console.log);
const b = await server.open("roadmap_bench_updates", { applications: false });
const i18n = await createI18n();
const pii = createPii(Buffer.alloc(32, 11));
const sessions = await prepare(b.db, pii, i18n.getFixedT("ru")("menu.jobs"));
const jobs = lazyBoss(b.url, createLogger("silent"));
await jobs.get();
const t = instantTelegram();
const bot = createBot({ db: b.db, i18n, log: createLogger("silent"), adminIds: [], now: () => new Date(), reminders: createReminderScheduler(jobs.get), pii, outbox: createOutbox(jobs.get), download: async () => Buffer.alloc(0) }, { token: "1:x", botInfo: BOT_INFO, client: { fetch: t.fetch } });
async function drive(list: any[][]) {
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { while (next < list.length) for (const u of list[next++]!) await bot.handleUpdate(u); }));
}
await drive(sessions.warmUp);
const prof = process.env.PROF === "1";
const s = new Session(); s.connect();
if (prof) { await s.post("Profiler.enable"); await s.post("Profiler.start"); }
const cpu0 = process.cpuUsage(); const t0 = performance.now();
await drive(sessions.measured);
const wall = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
const n = sessions.measured.flat().length;
console.log(`updates ${n} wall ${wall.toFixed(0)} ms => ${(n / wall * 1000).toFixed(0)}/s; node cpu user ${(cpu.user/1000).toFixed(0)} sys ${(cpu.system/1000).toFixed(0)} ms; cpu per update ${((cpu.user+cpu.system)/1000/n).toFixed(2)} ms`);
if (prof) { const { profile } = await s.post("Profiler.stop"); writeFileSync("/tmp/bot.cpuprofile", JSON.stringify(profile)); }
await jobs.stop(); await b.stop(); await server.stop();
