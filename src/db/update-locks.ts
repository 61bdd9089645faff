// Which instance handles a webhook update: a PostgreSQL advisory lock per update id, held on one
// connection of this process for as long as the update is being handled. When the process dies,
// PostgreSQL ends its session and releases its locks, so Telegram's redelivery of an update that
// was in flight is handled by whichever instance gets it, and never by two at once.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

/** The two-number form of advisory locks, with this first number: pg-boss uses the one-number form. */
const UPDATE_LOCK_SPACE = 0x55504454; // "UPDT"
const RETRY_MS = 200;

export interface UpdateLocks {
  /** Waits until this process holds the update's lock; the result releases it. */
  acquire(updateId: number): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function createUpdateLocks(databaseUrl: string): UpdateLocks {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const connection = () => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString: databaseUrl });
      fresh.on("error", () => {
        if (client === fresh) client = undefined; // the next call connects anew
      });
      try {
        await fresh.connect();
        client = fresh;
        return fresh;
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };

  /** One query at a time on the connection (pg deprecates overlapping ones). */
  const query = <T extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    const result = queue.then(async () => (await connection()).query<T>(text, values));
    queue = result.catch(() => undefined);
    return result;
  };
  const key = "($2::bigint % 4294967296 - 2147483648)::int";

  // A session may take an advisory lock it holds again: within this process, one holder at a time.
  const held = new Map<number, Promise<void>>();

  return {
    async acquire(updateId) {
      for (let before = held.get(updateId); before; before = held.get(updateId)) await before;
      let releaseHere!: () => void;
      held.set(updateId, new Promise<void>((resolve) => (releaseHere = resolve)));
      const release = async () => {
        await query(`select pg_advisory_unlock($1, ${key})`, [UPDATE_LOCK_SPACE, updateId]).catch(() => undefined);
        held.delete(updateId);
        releaseHere();
      };
      try {
        for (;;) {
          const { rows } = await query<{ locked: boolean }>(`select pg_try_advisory_lock($1, ${key}) as locked`, [
            UPDATE_LOCK_SPACE,
            updateId,
          ]);
          if (rows[0]?.locked) return release;
          await sleep(RETRY_MS);
        }
      } catch (error) {
        held.delete(updateId);
        releaseHere();
        throw error;
      }
    },
    async close() {
      await queue;
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
