// The one door to PostgreSQL. One pg pool carries both ways of speaking to it: Prisma's model API
// (`store.db`, for single statements outside a transaction) and SQL through pg (`rows`, prepared,
// for the hot reads and for everything inside a transaction). There is one kind of transaction:
// `transaction(fn)`, on one connection of the pool, where every statement is SQL.
// Services receive a Store; the bot, the jobs and the HTTP server receive services.
import { PrismaPg } from "@prisma/adapter-pg";
import { availableParallelism } from "node:os";
import type { Compilable } from "kysely";
import pg from "pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client.js";
import { runQuery, type QueryOptions } from "./sql.js";

export type Db = PrismaClient;

/** What runs SQL: the store (any connection of its pool) or a transaction (its own connection). */
export interface SqlRunner {
  /** The rows of a query (see runQuery for how values come back and when it is prepared). */
  rows<T>(query: Prisma.Sql, options?: QueryOptions): Promise<T[]>;
  /** How many rows a statement without `returning` changed (prepared as `rows` is). */
  execute(query: Prisma.Sql, options?: QueryOptions): Promise<number>;
  /** The rows of a statement built with Kysely (src/db/typed.ts): their type is the statement's own. */
  all<O>(query: Compilable<O>, options?: QueryOptions): Promise<O[]>;
  /** How many rows a Kysely statement without `returning` changed. */
  run(query: Compilable<unknown>, options?: QueryOptions): Promise<number>;
}

/** One transaction on one connection: every statement of the change goes through it. */
export interface Transaction extends SqlRunner {
  /** Another library's SQL text (pg-boss's job insert), so that it commits or rolls back with the change. */
  query(text: string, values: unknown[]): Promise<unknown[]>;
}

export interface TransactionOptions {
  /** How long one statement may run; a bulk job (a key rotation, a retry of everything) asks for more. */
  statementTimeoutMs?: number;
  /**
   * How long the work may keep the transaction open between statements (a notification's delivery
   * waits for Telegram inside it): past that, PostgreSQL ends the session, the locks go, and the
   * work's next statement fails.
   */
  idleTimeoutMs?: number;
}

export interface Store extends SqlRunner {
  /** Prisma's model API, for single statements outside a transaction. */
  readonly db: Db;
  /** `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Whether the database answers (the health check). */
  ping(): Promise<boolean>;
  /** The pool's connections now: open, idle, and the requests waiting for one (the metrics). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/**
 * Connections to PostgreSQL: about two per core ("cores × 2 + disks", PostgreSQL's wiki on pool
 * sizing), at least 4. More connections than that only make queries wait for a core instead of for
 * a connection, and this process's one thread waits among them (npm run bench -- updates). A
 * database on a machine of its own may want more (DATABASE_POOL_SIZE).
 */
export const defaultPoolSize = () => Math.max(4, 2 * availableParallelism());

/** How long a statement of a transaction may run unless the transaction asks for more. */
const STATEMENT_TIMEOUT_MS = 20_000;
/** How long a transaction may sit between statements unless it asks for more. */
const IDLE_TIMEOUT_MS = 60_000;

const compiled = (query: Compilable<unknown>) => {
  const { sql, parameters } = query.compile();
  return { text: sql, values: parameters as unknown[] };
};

const runnerOn = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
  rows: (query, options) => runQuery(client, query, options).then((result) => result.rows),
  execute: (query, options) => runQuery(client, query, options).then((result) => result.rowCount ?? 0),
  all: <O>(query: Compilable<O>, options?: QueryOptions) =>
    runQuery(client, compiled(query), options).then((result) => result.rows as O[]),
  run: (query, options) => runQuery(client, compiled(query), options).then((result) => result.rowCount ?? 0),
});

async function inTransaction<T>(
  pool: pg.Pool,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const connection = await pool.connect();
  // A session PostgreSQL ends (the idle timeout) is reported as an error event: the next statement fails instead.
  const ended = () => undefined;
  connection.on("error", ended);
  try {
    const statementTimeout = Math.trunc(options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS);
    const idleTimeout = Math.trunc(options.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
    await connection.query(
      `begin; set local statement_timeout = ${statementTimeout}; set local idle_in_transaction_session_timeout = ${idleTimeout}`,
    );
    const result = await work({
      ...runnerOn(connection),
      query: (text, values) => connection.query(text, values).then((answer) => answer.rows),
    });
    await connection.query("commit");
    connection.off("error", ended);
    connection.release();
    return result;
  } catch (error) {
    await connection.query("rollback").catch(() => undefined);
    connection.off("error", ended);
    connection.release(true); // whatever state it was left in, it is not reused
    throw error;
  }
}

export function openStore(url: string, options: { poolSize?: number } = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? defaultPoolSize(),
    connectionTimeoutMillis: 5_000,
    allowExitOnIdle: true,
  });
  // An idle connection the server closed is dropped by the pool; the next query opens another.
  pool.on("error", () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return {
    db,
    ...runnerOn(pool),
    transaction: (work, transactionOptions) => inTransaction(pool, work, transactionOptions),
    ping: () =>
      pool.query("select 1").then(
        () => true,
        () => false,
      ),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.$disconnect(),
  };
}
