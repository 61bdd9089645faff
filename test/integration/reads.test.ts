// Hot reads go through pg (src/db/reads.ts): every type they read must come back as Prisma's own
// $queryRaw returns it, whatever the machine's time zone, prepared or not, and inside a
// transaction they go through Prisma.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/reads.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

// pg reads a timestamp without a zone in the machine's zone unless told otherwise: run this file in
// Kazakhstan's, where a shift would show.
process.env.TZ = "Asia/Almaty";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.drop());

const at = new Date("2021-06-01T23:30:00.123Z"); // late in the UTC day: a zone shift would change the date
const query = () => Prisma.sql`
  select 9007199254740993::int8 as big, 7::int as small, 1.5::float8 as real, true as yes, 'Алматы' as name,
         ${at}::timestamp as "atParameter", timestamp '2021-06-01 23:30:00.123' as "atColumn", date '2021-06-01' as day,
         '{"a": [1, "b"]}'::jsonb as json, array['kk', 'ru'] as languages, array[1, 2]::int[] as ids, null::int as nothing`;

describe("reads through pg", () => {
  it("return every type as Prisma's $queryRaw does, prepared or not", async () => {
    const expected = await database.db.$queryRaw<unknown[]>(query());
    expect(await queryRows(database.db, query())).toEqual(expected);
    expect(await queryRows(database.db, query(), { prepare: false })).toEqual(expected);
    expect(await queryRows(database.db, query())).toEqual(expected); // the prepared statement again
    expect(expected).toEqual([expect.objectContaining({ big: 9007199254740993n, atParameter: at, atColumn: at, day: new Date("2021-06-01T00:00:00Z") })]);
  });

  it("go through Prisma inside a transaction, and see its uncommitted rows", async () => {
    const seen = await database.db.$transaction(async (tx) => {
      await tx.$executeRaw`insert into "ProcessedUpdate" ("updateId") values (424242)`;
      return queryRows<{ count: number }>(tx, Prisma.sql`select count(*)::int as count from "ProcessedUpdate" where "updateId" = 424242`);
    });
    expect(seen).toEqual([{ count: 1 }]);
  });
});
