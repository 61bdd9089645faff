// Whether an error means "the database cannot be reached right now" (down, restarting, out of
// connections) rather than a fault of ours: then people are told to try again shortly.

/** Prisma's own codes for an unreachable server, a timed-out connection or a full pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What @prisma/adapter-pg reports in meta.driverAdapterError.cause.kind. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node's socket errors, and PostgreSQL's connection-exception (08) and shutdown (57P) classes. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
const SQLSTATE = /^(08|57P)/;
const MESSAGES =
  /Connection terminated|connection timeout|Can't reach database server|the database system is (starting up|shutting down)/i;

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; code?: string } } };
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  if (e.name === "PrismaClientInitializationError") return true;
  const code = typeof e.code === "string" ? e.code : "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause?.kind && ADAPTER_KINDS.has(adapterCause.kind)) return true;
  if (SQLSTATE.test(adapterCause?.originalCode ?? adapterCause?.code ?? "")) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
