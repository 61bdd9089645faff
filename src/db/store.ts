// The one door to PostgreSQL: the Prisma client on its pg pool (src/db/client.ts), with the prepared
// reads and pg transactions of src/db/reads.ts on the same pool. Services receive a Store; the bot,
// the jobs and the HTTP server receive services.
import { createPrismaClient, type Db } from "./client.js";
import { pgTransaction, type PgTransaction } from "./reads.js";

export interface Store {
  readonly db: Db;
  /** `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: PgTransaction) => Promise<T>): Promise<T>;
  /** Whether the database answers (the health check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A Store on a client made by createPrismaClient (tests and scripts that already hold one). */
export function storeOf(db: Db): Store {
  return {
    db,
    transaction: (work) => pgTransaction(db, work),
    ping: () => db.$queryRaw`select 1`.then(() => true, () => false),
    close: () => db.$disconnect(),
  };
}

export function openStore(url: string, options: { poolSize?: number } = {}): Store {
  return storeOf(createPrismaClient(url, options));
}
