import pg from "pg";
import { withoutLogContext } from "@/lib/observability/log-context";
import { logger } from "@/lib/observability/logger";

// Telling "the database is away" (a failover, a restart, an idle-connection reaper,
// pg_terminate_backend) apart from every other error, so that requests answer 503 and try again
// later instead of 500, and so that no connection's 'error' event takes the process down.

/**
 * SQLSTATEs that mean the connection, not the statement, failed (PostgreSQL docs, Appendix A):
 * class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now),
 * 53300 (too many connections) and 55000 for "database is not currently accepting connections".
 */
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[123]|53300|55000)$/;
/** Driver-adapter error kinds Prisma 7 reports for a connection it could not make or lost. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * Prisma's own codes for an unreachable server, a timed-out connection, a closed one (error
 * reference), and P2028: a transaction that could not get a connection in time, or outlived its
 * timeout and was rolled back. Either way nothing was changed and a retry a little later works:
 * 503 with Retry-After, not 500, when a burst outruns the connection pool.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
};

/** Whether `error` (or anything in its cause chain) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as ErrorLike;
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.code === "string") {
      if (
        UNAVAILABLE_PRISMA_CODES.has(e.code) ||
        UNAVAILABLE_NODE_CODES.has(e.code) ||
        UNAVAILABLE_SQLSTATE.test(e.code)
      )
        return true;
    }
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    // pg's own wording when the server closes the socket under a client (pg/lib/client.js).
    if (
      typeof e.message === "string" &&
      /Connection terminated|Client has encountered a connection error/.test(e.message)
    )
      return true;
    current = e.meta?.driverAdapterError?.cause ?? e.cause;
  }
  return false;
}

/** The message catalog's key for what a person is told while the database is away (messages/<locale>.json). */
export const DATABASE_UNAVAILABLE_MESSAGE = "databaseUnavailable.text";
/** Retry-After on every 503 for an unavailable database: a failover or a restart usually takes seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * A pool or client emits 'error' when the server drops a connection it is not using (pg docs,
 * "Pool: events: error"); with no listener Node turns that into an uncaught exception that ends
 * the process. The pool discards the broken client and opens a new one on the next query, so a
 * log line is all that is needed.
 */
export function logConnectionErrors<T extends pg.Pool | pg.Client>(
  connection: T,
  name: string,
  log: (line: string) => void = (line) => logger().warn(line),
): T {
  // Idle connections are dropped outside the work that opened them: no request id or step on it.
  const onError = (error: Error) =>
    withoutLogContext(() => log(`[${name}] lost a database connection (${error.message}); it reconnects on next use`));
  // Both emit 'error' with the Error first; their typings are separate overload sets.
  (connection as pg.Client).on("error", onError);
  return connection;
}

/** A connected pg.Client whose dropped connection fails its queries instead of the process. */
export async function connectClient(
  connectionString: string,
  name: string,
  options: pg.ClientConfig = {},
): Promise<pg.Client> {
  const client = logConnectionErrors(new pg.Client({ ...options, connectionString }), name);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

/** Runs `work` with a short-lived client and always closes it. */
export async function withClient<T>(
  connectionString: string,
  name: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = await connectClient(connectionString, name);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
