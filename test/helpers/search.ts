// Where a value stands in the database: every text, character and JSON column of every table of
// the project's schema and pg-boss's, searched for each needle as text.
import type { Db } from "../../src/db/store.js";

export async function foundIn(db: Db, needles: string[]): Promise<string[]> {
  const columns = await db.$queryRaw<Array<{ schema: string; table: string; column: string }>>`
    select table_schema::text as schema, table_name::text as table, column_name::text as column from information_schema.columns
    where table_schema in ('public', 'pgboss') and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      and table_name not like '\\_prisma%'`;
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    for (const needle of needles) {
      const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>(
        `select count(*)::int as n from "${schema}"."${table}" where "${column}"::text ilike '%' || $1 || '%'`,
        needle,
      );
      if (row!.n > 0) found.push(`${table}.${column}: ${needle}`);
    }
  }
  return found;
}
