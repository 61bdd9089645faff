// Statements typed from the schema: a hot path's statement is compiled once, and each call puts its
// values in their places — the same text (one prepared statement in PostgreSQL), the values in order.
import { describe, expect, it } from "vitest";
import { prepared, q } from "../../src/db/typed.js";

describe("a statement compiled once", () => {
  const statement = prepared((p: { userId: number; lat: number; at: Date }) =>
    q
      .updateTable("User")
      .set({ lastLat: p.lat, lastLocationAt: p.at, blockedAt: null })
      .where("id", "=", p.userId)
      .where("language", "=", "kk"),
  );

  it("keeps its text and puts each call's values where its parameters stand, constants kept", () => {
    const at = new Date("2021-05-01T00:00:00Z");
    const first = statement({ userId: 7, lat: 43.2, at }).compile();
    const second = statement({ userId: 8, lat: 51.1, at }).compile();
    expect(first.sql).toBe(second.sql);
    expect(first.sql).toBe(
      'update "User" set "lastLat" = $1, "lastLocationAt" = $2, "blockedAt" = $3 where "id" = $4 and "language" = $5',
    );
    expect(first.parameters).toEqual([43.2, at, null, 7, "kk"]);
    expect(second.parameters).toEqual([51.1, at, null, 8, "kk"]);
  });

  it("is the same text as the statement compiled anew each time", () => {
    const at = new Date();
    const anew = q
      .updateTable("User")
      .set({ lastLat: 1, lastLocationAt: at, blockedAt: null })
      .where("id", "=", 3)
      .where("language", "=", "kk")
      .compile();
    const once = statement({ userId: 3, lat: 1, at }).compile();
    expect([once.sql, once.parameters]).toEqual([anew.sql, anew.parameters]);
  });
});
