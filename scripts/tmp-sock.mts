import pg from "pg";
async function measure(name: string, pool: pg.Pool, n = 5000) {
  for (let i = 0; i < 300; i++) await pool.query("select 1");
  const c0 = process.cpuUsage(); const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < n) await pool.query("select $1::int as x", [1]); }));
  const c = process.cpuUsage(c0); const wall = performance.now() - t0;
  console.log(`${name}: cpu ${((c.user + c.system) / 1000 / n).toFixed(3)} ms/query (user ${(c.user/1000/n).toFixed(3)} sys ${(c.system/1000/n).toFixed(3)}), ${(n / wall * 1000).toFixed(0)}/s`);
  await pool.end();
}
await measure("tcp", new pg.Pool({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres", max: 10 }));
await measure("unix", new pg.Pool({ host: "/var/run/postgresql", port: 5432, user: "postgres", database: "postgres", max: 10 }));
