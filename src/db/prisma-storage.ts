// grammY storage (sessions and conversations) in the Session table, so that state survives a
// restart and is shared by every instance of the bot. A conversation's state holds every answer
// typed in it (names, IINs, phones): with a sealer, the value is stored sealed ({ sealed: "…" }).
import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { Db } from "./store.js";

/** The Session row's key of a chat's value: "conversation:<chat id>". */
export const sessionRowKey = (prefix: string, chatKey: string) => `${prefix}:${chatKey}`;

/** Seals a text at rest and opens it (the personal-data key's AES-GCM). */
export interface Sealer {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** A row whose conversation was dropped for being left unanswered: no state, only the fact. */
export interface ExpiredSession {
  expiredAt: string;
}

export const isExpiredSession = (value: unknown): value is ExpiredSession =>
  typeof value === "object" && value !== null && "expiredAt" in value;

/** The stored form of a value: sealed when there is a sealer. */
export const sealSession = (sealer: Sealer | undefined, value: unknown) =>
  (sealer ? { sealed: sealer.encrypt(JSON.stringify(value)) } : value) as object;

/** The value of a stored row: opened when sealed (a row from before sealing is read as it is); an expired row is none. */
export function openSession(sealer: Sealer | undefined, stored: unknown): unknown {
  if (isExpiredSession(stored)) return undefined;
  if (sealer && typeof stored === "object" && stored !== null && "sealed" in stored)
    return JSON.parse(sealer.decrypt(String(stored.sealed)));
  return stored;
}

export function createPrismaStorage<T>(db: Db, prefix: string, sealer?: Sealer): StorageAdapter<T> {
  const key = (k: string) => sessionRowKey(prefix, k);
  return {
    async read(k) {
      const row = await db.session.findUnique({ where: { key: key(k) } });
      return row ? (openSession(sealer, row.value) as T | undefined) : undefined;
    },
    async write(k, value) {
      const stored = sealSession(sealer, value);
      await db.session.upsert({
        where: { key: key(k) },
        create: { key: key(k), value: stored },
        update: { value: stored },
      });
    },
    async delete(k) {
      await db.session.deleteMany({ where: { key: key(k) } });
    },
  };
}

/** The Session row read along with the account: `found` false when there is none. */
export interface PrefetchedSession {
  key: string;
  found: boolean;
  value: unknown;
}

/**
 * The conversations' storage, by context: takes the row the account middleware read along with the
 * account (`ctx.storedSession`, one round trip for both on every update) once, and reads the table
 * itself otherwise (a new account, or a second read in the same update).
 */
export function createConversationStorage<C extends { storedSession?: PrefetchedSession }, S>(
  db: Db,
  sealer: Sealer,
  prefix: string,
  chatKey: (ctx: C) => string | undefined,
): VersionedStateStorage<C, S> {
  const table = createPrismaStorage<unknown>(db, prefix, sealer);
  return {
    async read(ctx) {
      const key = chatKey(ctx);
      if (key === undefined) return undefined;
      const stored = ctx.storedSession;
      if (stored?.key === sessionRowKey(prefix, key)) {
        ctx.storedSession = undefined;
        return (stored.found ? openSession(sealer, stored.value) : undefined) as never;
      }
      return (await table.read(key)) as never;
    },
    async write(ctx, state) {
      const key = chatKey(ctx);
      if (key !== undefined) await table.write(key, state);
    },
    async delete(ctx) {
      const key = chatKey(ctx);
      if (key !== undefined) await table.delete(key);
    },
  };
}
