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

const server = await startBenchServer(() => {});
const b = await server.open("roadmap_bench_updates", { applications: false });
const i18n = await createI18n();
const pii = createPii(Buffer.alloc(32, 11));
const sessions = await prepare(b.db, pii, i18n.getFixedT("ru")("menu.jobs"));
const jobs = lazyBoss(b.url, createLogger("silent"));
await jobs.get();
const t = instantTelegram();
const bot = createBot({ db: b.db, i18n, log: createLogger("silent"), adminIds: [], now: () => new Date(), reminders: createReminderScheduler(jobs.get), pii, outbox: createOutbox(jobs.get), download: async () => Buffer.alloc(0) }, { token: "1:x", botInfo: BOT_INFO, client: { fetch: t.fetch } });
async function drive(list: any[]) {
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { while (next < list.length) await bot.handleUpdate(list[next++]); }));
}
for (const s of sessions.warmUp) for (const u of s) await bot.handleUpdate(u);
const all = sessions.measured;
const seekers = all.filter((s) => s.length === 8), staff = all.filter((s) => s.length === 3);
let total = 0, count = 0;
for (const group of [seekers, staff]) for (let i = 0; i < group[0]!.length; i++) {
  const list = group.map((s) => s[i]);
  const u0 = list[0].callback_query?.data?.split(":").slice(0, 2).join(":") ?? (list[0].message?.location ? "location" : list[0].message?.text);
  const prof = process.env.PHASE === u0; const ses = new Session(); ses.connect();
  if (prof) { await ses.post("Profiler.enable"); await ses.post("Profiler.start"); }
  const c0 = process.cpuUsage(); const t0 = performance.now();
  await drive(list);
  if (prof) { const { profile } = await ses.post("Profiler.stop"); writeFileSync("/tmp/phase.cpuprofile", JSON.stringify(profile)); }
  const c = process.cpuUsage(c0); const wall = performance.now() - t0;
  const u = list[0].callback_query?.data?.split(":").slice(0, 2).join(":") ?? (list[0].message?.location ? "location" : list[0].message?.text);
  total += (c.user + c.system) / 1000; count += list.length;
  console.log(`${u.padEnd(30)} cpu ${((c.user + c.system) / 1000 / list.length).toFixed(2)} ms/update, ${(list.length / wall * 1000).toFixed(0)}/s`);
}
console.log(`all: cpu ${(total / count).toFixed(2)} ms/update`);
await jobs.stop(); await b.stop(); await server.stop();
