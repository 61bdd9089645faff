// Statements typed from the schema: Kysely builds and compiles them against the tables' row types
// that prisma-kysely generates from prisma/schema.prisma (src/generated/kysely, made at every
// `prisma generate`), so a statement that names a column the schema no longer has, or reads a
// nullable column as if it were not, does not compile. Kysely never connects: the Store runs the
// compiled text through its pg pool as a prepared statement, in its one kind of transaction.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from "kysely";
import type { DB } from "../generated/kysely/types.js";

export type { DB };

/** The query builder: builds and compiles only (its driver runs nothing). */
export const q = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const PARAMETER = Symbol("parameter");
type Marker = { [PARAMETER]: string };
const isMarker = (value: unknown): value is Marker => typeof value === "object" && value !== null && PARAMETER in value;

/**
 * A statement of a hot path, compiled once: `build` is called one time with stand-ins for its
 * parameters, and each call then only puts the values in their places (compiling a Kysely query
 * costs more than some updates' own work, and its text never changes). Each parameter must stand in
 * the statement as one value: an array goes in as `= any(…)`, not as `in (…)`.
 */
export function prepared<P extends Record<string, unknown>, O>(
  build: (params: P) => Compilable<O>,
): (params: P) => Compilable<O> {
  let compiled: CompiledQuery<O> | undefined;
  let slots: Array<{ name: string } | { constant: unknown }> = [];
  return (params) => {
    if (!compiled) {
      const standIns = new Proxy({}, { get: (_, name) => ({ [PARAMETER]: String(name) }) }) as P;
      compiled = build(standIns).compile();
      slots = compiled.parameters.map((value) => (isMarker(value) ? { name: value[PARAMETER] } : { constant: value }));
    }
    const once = compiled;
    const parameters = slots.map((slot) => ("name" in slot ? params[slot.name] : slot.constant));
    return { compile: () => ({ ...once, parameters }) };
  };
}

/**
 * A typed statement inside one of Prisma's own transactions (the seeds write with Prisma's
 * createMany and run their bulk statements in the same transaction): compiled by Kysely, its values
 * handed to Prisma as parameters.
 */
export function executeIn(
  tx: { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> },
  query: Compilable<unknown>,
): Promise<number> {
  const { sql, parameters } = query.compile();
  return tx.$executeRawUnsafe(sql, ...parameters);
}
