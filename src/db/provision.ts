// Finds the database to use: DATABASE_URL when set, otherwise the embedded PostgreSQL.
import { defaultDataDir, ensureDatabase, startEmbeddedPostgres } from "./embedded.js";

export interface ProvisionedDatabase {
  url: string;
  embedded: boolean;
  /** The embedded server's data folder. */
  dataDir?: string;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = "roadmap";
export const EMBEDDED_PORT = 54329;

export async function provisionDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  /** A port asked for (EMBEDDED_DB_PORT): used or failed with; without it, EMBEDDED_PORT or a free one. */
  port?: number;
  onLog?: (line: string) => void;
}): Promise<ProvisionedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  const dataDir = options.dataDir ?? defaultDataDir("postgres");
  const server = await startEmbeddedPostgres({
    dataDir,
    port: options.port ?? EMBEDDED_PORT,
    portIsFixed: options.port !== undefined,
    onLog: options.onLog,
  });
  await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  return { url: server.urlFor(EMBEDDED_DATABASE), embedded: true, dataDir, stop: () => server.stop() };
}
