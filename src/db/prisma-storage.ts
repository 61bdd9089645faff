// grammY storage (sessions and conversations) in the Session table, so that state
// survives a restart and is shared by every instance of the bot.
import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { StorageAdapter } from "grammy";
import type { StoredSession } from "../services/users.js";
import type { Db } from "./client.js";

/** The Session row's key of a chat's value: "conversation:<chat id>". */
export const sessionRowKey = (prefix: string, chatKey: string) => `${prefix}:${chatKey}`;

export function createPrismaStorage<T>(db: Db, prefix: string): StorageAdapter<T> {
  const key = (k: string) => sessionRowKey(prefix, k);
  return {
    async read(k) {
      const row = await db.session.findUnique({ where: { key: key(k) } });
      return row ? (row.value as T) : undefined;
    },
    async write(k, value) {
      const json = value as object;
      await db.session.upsert({ where: { key: key(k) }, create: { key: key(k), value: json }, update: { value: json } });
    },
    async delete(k) {
      await db.session.deleteMany({ where: { key: key(k) } });
    },
  };
}

/**
 * The conversations' storage, by context: takes the row the account middleware read along with the
 * account (`ctx.storedSession`, one round trip for both on every update) once, and reads the table
 * itself otherwise (a new account, or a second read in the same update).
 */
export function createConversationStorage<C extends { storedSession?: StoredSession }, S>(
  db: Db, prefix: string, chatKey: (ctx: C) => string | undefined,
): VersionedStateStorage<C, S> {
  const table = createPrismaStorage<unknown>(db, prefix);
  return {
    async read(ctx) {
      const key = chatKey(ctx);
      if (key === undefined) return undefined;
      const stored = ctx.storedSession;
      if (stored?.key === sessionRowKey(prefix, key)) {
        ctx.storedSession = undefined;
        return (stored.found ? stored.value : undefined) as never;
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
