// What one round trip costs this process: the same query through Prisma's $queryRaw (the
// WebAssembly query compiler, the driver adapter) and through pg, the driver under it. Not a
// target of issue 10: the figure that says how much of an update's CPU is the data layer's.
import pg from "pg";
import type { Db } from "../src/db/store.js";
import { nodeCpuMs } from "./cpu.js";

const CALLS = 3_000;
const CONCURRENCY = 16;

async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 300; i++) await call(); // warm-up
  const before = nodeCpuMs();
  let started = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (started++ < CALLS) await call();
    }),
  );
  return Math.round(((nodeCpuMs() - before) / CALLS) * 1000) / 1000;
}

export interface DriverCost {
  /** CPU ms per call: the account query of every update (User by Telegram id, 4 columns). */
  prismaQueryRaw: number;
  prismaFindUnique: number;
  pg: number;
}

export async function driverCost(db: Db, url: string): Promise<DriverCost> {
  const telegramId = 4_999_999n;
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const prismaFindUnique = await cpuPerCall(() =>
      db.user.findUnique({ where: { telegramId }, select: { id: true, language: true, roles: true, blockedAt: true } }),
    );
    return {
      prismaQueryRaw: await cpuPerCall(
        () =>
          db.$queryRaw`select id, language, roles::text[], "blockedAt" from "User" where "telegramId" = ${telegramId}`,
      ),
      prismaFindUnique,
      pg: await cpuPerCall(() =>
        pool.query(`select id, language, roles::text[], "blockedAt" from "User" where "telegramId" = $1`, [
          telegramId.toString(),
        ]),
      ),
    };
  } finally {
    await pool.end();
  }
}
