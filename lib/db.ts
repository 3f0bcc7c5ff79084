import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withoutLogContext } from "@/lib/observability/log-context";
import { logger } from "@/lib/observability/logger";

export function createPrismaClient(connectionString: string): PrismaClient {
  // adapter-pg listens for its pool's errors itself; these hooks only say what happened. A query on
  // a lost connection fails (isDatabaseUnavailable → 503) and the pool reconnects on the next one.
  // Without the log context of the request or step that happened to open the connection.
  const lost = (error: Error) =>
    withoutLogContext(() =>
      logger({ module: "db" }).warn({ err: error }, "lost a database connection; it reconnects on next use"),
    );
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }, { onPoolError: lost, onConnectionError: lost }),
    // Under a burst a transaction queues for a pooled connection; Prisma's default gives up after
    // 2 s ("Unable to start a transaction in the given time", P2028), which failed requests that
    // would have been served a moment later.
    transactionOptions: { maxWait: 10_000 },
  });
}

const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.portalDb) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start the portal with `npm run dev`, which provides a database.");
    }
    // Kept on globalThis so dev-mode hot reloads reuse one pool.
    globalForDb.portalDb = createPrismaClient(url);
  }
  return globalForDb.portalDb;
}

/**
 * The portal's Prisma client, created on first use so that importing this module (during
 * `next build`, or before a test has chosen its database) opens no connection.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
  has(_target, property) {
    return Reflect.has(client(), property);
  },
});

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
