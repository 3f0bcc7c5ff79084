import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export type ProvisionedDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

/**
 * The portal's database, ready to use: DATABASE_URL when set, otherwise an embedded PostgreSQL
 * under DATA_DIR/postgres. Migrations are applied either way.
 */
export async function provisionDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<ProvisionedDatabase> {
  let database: ProvisionedDatabase;
  if (options.databaseUrl) {
    database = { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  } else {
    const dataDir = path.join(options.dataDir, "postgres");
    options.log(`Starting the embedded PostgreSQL (data in ${dataDir}, port ${options.port})…`);
    const server = await startEmbeddedPostgres({ dataDir, port: options.port, log: options.log });
    await ensureDatabase(server.serverUrl, "portal");
    database = { url: server.databaseUrl("portal"), embedded: true, stop: () => server.stop() };
  }
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) options.log(`Applied migrations: ${applied.join(", ")}`);
  return database;
}
