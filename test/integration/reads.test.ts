// SQL goes through pg (src/db/sql.ts): every type it reads must come back as Prisma's own
// $queryRaw returns it, whatever the machine's time zone, prepared or not; a transaction is one
// connection that sees its own rows and leaves nothing when its work throws.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { q } from "../../src/db/typed.js";
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
    expect(await database.store.rows(query())).toEqual(expected);
    expect(await database.store.rows(query(), { prepare: false })).toEqual(expected);
    expect(await database.store.rows(query())).toEqual(expected); // the prepared statement again
    expect(await database.store.transaction((tx) => tx.rows(query()))).toEqual(expected);
    expect(expected).toEqual([
      expect.objectContaining({
        big: 9007199254740993n,
        atParameter: at,
        atColumn: at,
        day: new Date("2021-06-01T00:00:00Z"),
      }),
    ]);
  });

  const countOf = (updateId: number) =>
    Prisma.sql`select count(*)::int as count from "ProcessedUpdate" where "updateId" = ${updateId}`;

  it("inside a transaction see its uncommitted rows, which others see once it commits", async () => {
    const seen = await database.store.transaction(async (tx) => {
      expect(await tx.execute(Prisma.sql`insert into "ProcessedUpdate" ("updateId") values (424242)`)).toBe(1);
      expect(await database.store.rows(countOf(424242))).toEqual([{ count: 0 }]); // another connection: not yet
      return tx.rows<{ count: number }>(countOf(424242));
    });
    expect(seen).toEqual([{ count: 1 }]);
    expect(await database.store.rows(countOf(424242))).toEqual([{ count: 1 }]);
  });

  it("leave nothing when the transaction's work throws, and the pool goes on", async () => {
    await expect(
      database.store.transaction(async (tx) => {
        await tx.execute(Prisma.sql`insert into "ProcessedUpdate" ("updateId") values (434343)`);
        await tx.query(`insert into "ProcessedUpdate" ("updateId") values ($1)`, [434344]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(
      await database.store.rows(
        Prisma.sql`select count(*)::int as count from "ProcessedUpdate" where "updateId" in (434343, 434344)`,
      ),
    ).toEqual([{ count: 0 }]);
    expect(await database.store.ping()).toBe(true);
  });

  it("end when the work keeps them open too long between statements, and the locks go with them", async () => {
    await database.store.execute(Prisma.sql`insert into "ProcessedUpdate" ("updateId") values (454545)`);
    const slow = database.store.transaction(
      async (tx) => {
        await tx.execute(Prisma.sql`update "ProcessedUpdate" set "updateId" = 454546 where "updateId" = 454545`);
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // waiting for something else (Telegram) inside the transaction
        await tx.execute(Prisma.sql`update "ProcessedUpdate" set "updateId" = 454547 where "updateId" = 454546`);
      },
      { idleTimeoutMs: 300 },
    );
    await expect(slow).rejects.toThrow();
    // the row is free again (no lock waits) and as it was
    const free = await database.store.transaction(
      (tx) => tx.execute(Prisma.sql`update "ProcessedUpdate" set "updateId" = 454548 where "updateId" = 454545`),
      { statementTimeoutMs: 1_000 },
    );
    expect(free).toBe(1);
    expect(await database.store.ping()).toBe(true);
  });
});

describe("statements typed from the schema", () => {
  it("read back each kind of column as its generated type says (int8 bigint, timestamps and dates Date, JSON parsed, enums text)", async () => {
    const user = await database.db.user.create({
      data: { telegramId: 9_007_199_254_740_993n, language: "kk", roles: ["staff"] },
    });
    await database.db.auditLog.create({
      data: {
        actorUserId: user.id,
        action: "refer",
        entity: "Application",
        entityId: "1",
        after: { count: 2, names: ["a"] },
      },
    });
    const [row] = await database.store.all(
      q
        .selectFrom("User as u")
        .innerJoin("AuditLog as l", "l.actorUserId", "u.id")
        .select(["u.telegramId", "u.createdAt", "u.language", "l.after", "l.at"])
        .where("u.id", "=", user.id),
    );
    const typed: { telegramId: bigint; createdAt: Date; language: string | null; after: unknown; at: Date } = row!; // what the compiler was told
    expect(typeof typed.telegramId).toBe("bigint");
    expect(typed.telegramId).toBe(9_007_199_254_740_993n);
    expect(typed.createdAt).toBeInstanceOf(Date);
    expect(typed.createdAt.getTime()).toBe(user.createdAt.getTime()); // the same instant as Prisma read it, in Almaty's zone too
    expect(typed.after).toEqual({ count: 2, names: ["a"] });
    const [day] = await database.store.all(
      q.selectFrom("YearlyRate").select(["validFrom", "minimumWage"]).orderBy("validFrom").limit(1),
    );
    expect(day!.validFrom).toBeInstanceOf(Date);
    expect(day!.validFrom.toISOString()).toMatch(/T00:00:00\.000Z$/); // a date is its UTC midnight, as Prisma reads it
    expect(typeof day!.minimumWage).toBe("number");
  });
});
