import pg from "pg";
import { startBenchServer } from "../bench/database.js";
const server = await startBenchServer(() => {});
const b = await server.open("roadmap_bench_updates", { applications: false });
const pool = new pg.Pool({ connectionString: b.url, max: 10 });
async function measure(name: string, fn: () => Promise<unknown>, n = 3000) {
  for (let i = 0; i < 300; i++) await fn();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < n) await fn(); }));
  const c = process.cpuUsage(c0); const wall = performance.now() - t0;
  console.log(`${name}: cpu ${((c.user + c.system) / 1000 / n).toFixed(3)} ms/call, ${(n / wall * 1000).toFixed(0)}/s`);
}
const tid = 5_000_001n;
await measure("model findUnique user", () => b.db.user.findUnique({ where: { telegramId: tid } }));
await measure("$queryRaw user", () => b.db.$queryRaw`select * from "User" where "telegramId" = ${tid}`);
await measure("$queryRaw user 4 cols", () => b.db.$queryRaw`select id, language, roles::text[], "blockedAt" from "User" where "telegramId" = ${tid}`);
await measure("$queryRawUnsafe user 4 cols", () => b.db.$queryRawUnsafe(`select id, language, roles::text[], "blockedAt" from "User" where "telegramId" = $1`, tid));
await measure("pg pool user", () => pool.query(`select id, language, roles::text[], "blockedAt" from "User" where "telegramId" = $1`, [tid.toString()]));
await measure("model session upsert", () => b.db.session.upsert({ where: { key: "x:1" }, create: { key: "x:1", value: { a: 1 } }, update: { value: { a: 1 } } }));
await measure("$executeRaw session upsert", () => b.db.$executeRaw`insert into "Session" (key, value, "updatedAt") values ('x:1', ${JSON.stringify({ a: 1 })}::jsonb, now()) on conflict (key) do update set value = excluded.value, "updatedAt" = now()`);
await pool.end(); await b.stop(); await server.stop();
