import { randomBytes } from "node:crypto";
import type pg from "pg";
import { withClient } from "@/lib/database/availability";

// Throw-away databases for integration tests and end-to-end runs, on the server at
// TEST_DATABASE_URL or on an embedded one (test/global-setup.ts).

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(withDatabase(serverUrl, "postgres"), "test-server", run);
}

export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

export async function createDatabase(
  serverUrl: string,
  options: { prefix: string; template?: string },
): Promise<TestDatabase> {
  const name = `${options.prefix}_${randomBytes(6).toString("hex")}`;
  const template = options.template ? ` TEMPLATE "${options.template}"` : "";
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"${template}`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () =>
      onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

const databaseOf = (databaseUrl: string) => decodeURIComponent(new URL(databaseUrl).pathname.slice(1));

/** Ends every session on `databaseUrl`'s database but the caller's own; returns how many there were. */
export async function terminateSessions(databaseUrl: string): Promise<number> {
  const { rowCount } = await onServer(databaseUrl, (c) =>
    c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [databaseOf(databaseUrl)]),
  );
  return rowCount ?? 0;
}

/**
 * Takes a database away as a restart or failover does: new connections are refused (SQLSTATE
 * 55000) and the open ones are ended. Resolves once none is left (pg_terminate_backend only signals).
 */
export async function takeDatabaseAway(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, (c) => c.query(`ALTER DATABASE "${databaseOf(databaseUrl)}" ALLOW_CONNECTIONS false`));
  const deadline = Date.now() + 30_000;
  while ((await terminateSessions(databaseUrl)) > 0) {
    if (Date.now() > deadline) throw new Error(`sessions on ${databaseOf(databaseUrl)} did not end within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function bringDatabaseBack(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, (c) => c.query(`ALTER DATABASE "${databaseOf(databaseUrl)}" ALLOW_CONNECTIONS true`));
}
