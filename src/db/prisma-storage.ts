// grammY storage (sessions and conversations) in the Session table, so that state
// survives a restart and is shared by every instance of the bot.
import type { StorageAdapter } from "grammy";
import type { Db } from "./client.js";

export function createPrismaStorage<T>(db: Db, prefix: string): StorageAdapter<T> {
  const key = (k: string) => `${prefix}:${k}`;
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
