// Hot reads straight through pg, on the Prisma adapter's own pool. A round trip through Prisma's
// $queryRaw costs this process about 0.45 ms of CPU, through pg about 0.1 ms
// (`npm run bench -- driver`), and every update makes one to three such reads: the account, the
// list, the card. Values come back typed as Prisma's raw queries type them. Writes and anything
// inside a transaction stay with Prisma.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

const pools = new WeakMap<object, pg.Pool>();

/** Lets readRows use `pool` for reads on `db` (the pool Prisma's adapter was given). */
export function registerReadPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`); // columns hold UTC, as Prisma writes them
const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);

const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return BigInt;
    if (oid === pg.types.builtins.TIMESTAMP) return utcTimestamp;
    if (oid === pg.types.builtins.DATE) return utcDate;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A Date as the clock time in UTC, as Prisma sends it (a zone on a timestamp without one is ignored). */
const toParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * The rows of a read: through pg for the client itself, through Prisma inside a transaction.
 * Prepared (a named statement per text, on each connection): PostgreSQL then parses it once and,
 * when its plan does not depend on the values, plans it once — planning was up to half of the
 * database's time per update. `prepare: false` for a query whose best plan depends on the values
 * (the staff queue's array of projects).
 */
export async function readRows<T>(db: Db | Prisma.TransactionClient, query: Prisma.Sql, options: { prepare?: boolean } = {}): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  const name = options.prepare === false ? undefined : `read-${createHash("sha1").update(query.text).digest("hex").slice(0, 24)}`;
  const result = await pool.query({ name, text: query.text, values: query.values.map(toParameter), types: TYPES });
  return result.rows as T[];
}
