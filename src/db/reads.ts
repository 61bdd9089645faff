// The hot path straight through pg, on the Prisma adapter's own pool. A round trip through
// Prisma's $queryRaw costs this process about 0.45 ms of CPU, through pg about 0.1 ms
// (`npm run bench -- driver`), and every update makes one to three reads (the account, the list,
// the card) and a referral ten statements. Values come back typed as Prisma's raw queries type
// them. Everything else stays with Prisma.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

const pools = new WeakMap<object, pg.Pool>();

/** Lets queryRows use `pool` for reads on `db` (the pool Prisma's adapter was given). */
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

/** A LIKE pattern for text containing `text` as typed: its %, _ and \\ match themselves. */
export const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A Date as the clock time in UTC, as Prisma sends it (a zone on a timestamp without one is ignored). */
const toParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** A transaction on one of the pool's connections (see pgTransaction). */
export interface PgTransaction {
  readonly connection: pg.PoolClient;
}

export const isPgTransaction = (db: object): db is PgTransaction => "connection" in db;

/** How long a statement of a pg transaction may run, as Prisma's interactive transactions allowed. */
const TRANSACTION_STATEMENT_TIMEOUT_MS = 20_000;

/**
 * `work` in one transaction on one connection of the pool: committed when it returns, rolled back
 * when it throws (the connection is then discarded, whatever state it was left in).
 */
export async function pgTransaction<T>(db: Db, work: (tx: PgTransaction) => Promise<T>): Promise<T> {
  const pool = pools.get(db);
  if (!pool) throw new Error("pgTransaction needs a client made by createPrismaClient");
  const connection = await pool.connect();
  try {
    await connection.query(`begin; set local statement_timeout = ${TRANSACTION_STATEMENT_TIMEOUT_MS}`);
    const result = await work({ connection });
    await connection.query("commit");
    connection.release();
    return result;
  } catch (error) {
    await connection.query("rollback").catch(() => undefined);
    connection.release(true);
    throw error;
  }
}

/**
 * The rows of a query: through pg for the client itself and in a pg transaction, through Prisma
 * inside a Prisma transaction.
 * Prepared (a named statement per text, on each connection): PostgreSQL then parses it once and,
 * when its plan does not depend on the values, plans it once — planning was up to half of the
 * database's time per update. `prepare: false` for a query whose best plan depends on the values
 * (the staff queue's array of projects).
 */
export async function queryRows<T>(db: Db | Prisma.TransactionClient | PgTransaction, query: Prisma.Sql, options: { prepare?: boolean } = {}): Promise<T[]> {
  const runner = isPgTransaction(db) ? db.connection : pools.get(db);
  if (!runner) return (db as Prisma.TransactionClient).$queryRaw<T[]>(query);
  const name = options.prepare === false ? undefined : `statement-${createHash("sha1").update(query.text).digest("hex").slice(0, 24)}`;
  const result = await runner.query({ name, text: query.text, values: query.values.map(toParameter), types: TYPES });
  return result.rows as T[];
}
