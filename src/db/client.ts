import { PrismaPg } from "@prisma/adapter-pg";
import { availableParallelism } from "node:os";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { registerReadPool } from "./reads.js";

export type Db = PrismaClient;

/**
 * Connections to PostgreSQL: about two per core ("cores × 2 + disks", PostgreSQL's wiki on pool
 * sizing), at least 4. More connections than that only make queries wait for a core instead of for
 * a connection, and this process's one thread waits among them: on 2 cores 4 instead of 10 took the
 * bench's p99 from 70–75 to 45–50 ms (npm run bench -- updates). A database on a machine of its own
 * may want more (DATABASE_POOL_SIZE).
 */
export const defaultPoolSize = () => Math.max(4, 2 * availableParallelism());

export function createPrismaClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? defaultPoolSize(),
    connectionTimeoutMillis: 5_000,
    allowExitOnIdle: true,
  });
  // An idle connection the server closed is dropped by the pool; the next query opens another.
  pool.on("error", () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  registerReadPool(db, pool);
  return db;
}
