import { startBenchServer } from "../bench/database.js";
import { nearestOpenProjects } from "../src/services/projects.js";
import { createRandom } from "../src/db/seed/random.js";
import { KAZAKHSTAN_BOUNDS as b } from "../src/domain/geo.js";
const server = await startBenchServer(() => {});
const big = await server.open("roadmap_bench", { applications: true });
const random = createRandom(20_260_101);
const pts = Array.from({ length: 1000 }, () => ({ lat: b.minLat + random.next() * (b.maxLat - b.minLat), lon: b.minLon + random.next() * (b.maxLon - b.minLon) }));
for (const p of pts.slice(0, 50)) await nearestOpenProjects(big.db, p);
const c0 = process.cpuUsage(); const t0 = performance.now();
const d: number[] = [];
for (const p of pts) { const t = performance.now(); await nearestOpenProjects(big.db, p); d.push(performance.now() - t); }
const c = process.cpuUsage(c0); const wall = performance.now() - t0;
d.sort((a, b) => a - b);
console.log(`wall/call ${(wall / 1000).toFixed(2)} ms, node cpu/call ${((c.user + c.system) / 1000 / 1000).toFixed(2)} ms, p50 ${d[500]!.toFixed(2)} p95 ${d[950]!.toFixed(2)} p99 ${d[990]!.toFixed(2)}`);
// db side: explain analyze timing of the slowest points
const r: any[] = await big.db.$queryRawUnsafe(`select 1`);
await big.stop(); await server.stop();
