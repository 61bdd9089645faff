// SQL through pg, the driver under Prisma's adapter. A round trip through Prisma's $queryRaw costs
// this process about 0.55 ms of CPU, through pg about 0.1 ms (`npm run bench -- driver`), and every
// update makes one to three reads (the account, the list, the card) and a staff action four or
// five statements. Values come back typed as Prisma's raw queries type them.
import { createHash } from "node:crypto";
import pg from "pg";

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

export interface QueryOptions {
  /** false for a query whose best plan depends on the values (the staff queue's array of projects). */
  prepare?: boolean;
}

/** A statement's text and its values: a Prisma.sql template, or a compiled Kysely statement. */
export interface Statement {
  text: string;
  values: readonly unknown[];
}

/**
 * Runs a statement on a pool or a connection. Prepared (a named statement per text, on
 * each connection): PostgreSQL then parses it once and, when its plan does not depend on the
 * values, plans it once — planning was up to half of the database's time per update.
 */
export function runQuery(
  client: pg.Pool | pg.PoolClient,
  query: Statement,
  options: QueryOptions = {},
): Promise<pg.QueryResult> {
  const name =
    options.prepare === false
      ? undefined
      : `statement-${createHash("sha1").update(query.text).digest("hex").slice(0, 24)}`;
  return client.query({ name, text: query.text, values: query.values.map(toParameter), types: TYPES });
}
