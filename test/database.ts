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
    drop: () => onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
