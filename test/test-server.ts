import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { freePort } from "./free-port";

/**
 * The PostgreSQL server tests run on: TEST_DATABASE_URL when set (CI points it at
 * 127.0.0.1:5432), otherwise an embedded server in a temporary directory, so `npm test` needs
 * no database installed.
 */
export async function startTestServer(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { serverUrl: configured, stop: async () => undefined };

  const dir = await mkdtemp(path.join(os.tmpdir(), "portal-test-pg-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as the `postgres` user and must reach it.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort() });
  return {
    serverUrl: server.databaseUrl("postgres"),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
