import { applyMigrations } from "@/lib/database/migrate";
import { createPrismaClient } from "@/lib/db";
import { createDatabase, withDatabase, type TestDatabase } from "@/test/database";
import { signedIn } from "@/test/factories";
import { freePort } from "@/test/free-port";
import { e2eDatabaseUrl } from "./database-url";
import { appEnv, exited, runNext } from "./next-app";

// A second portal from the same production build, on a database of its own, for specs that do
// to the database what the shared app's parallel journeys must not see (take it away).

export type OwnPortal = {
  baseURL: string;
  database: TestDatabase;
  /** A session cookie for a new account with `email`, as a magic link would leave it. */
  signedInCookie(email: string): Promise<string>;
  stop(): Promise<void>;
};

export async function startOwnPortal(prefix: string): Promise<OwnPortal> {
  const serverUrl = withDatabase(e2eDatabaseUrl(), "postgres");
  const database = await createDatabase(serverUrl, { prefix });
  await applyMigrations(database.url);
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const app = runNext(["start", "--port", String(port)], appEnv(port, database.url));
  const stop = async () => {
    app.kill("SIGTERM");
    await exited(app);
    await database.drop();
  };
  try {
    await untilHealthy(baseURL, () => app.exitCode !== null);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseURL,
    database,
    stop,
    async signedInCookie(email) {
      const client = createPrismaClient(database.url);
      try {
        return (await signedIn(email, { client })).cookie;
      } finally {
        await client.$disconnect();
      }
    },
  };
}

async function untilHealthy(baseURL: string, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`the portal at ${baseURL} exited while starting`);
    const status = await fetch(`${baseURL}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the portal at ${baseURL} did not become healthy within two minutes`);
}
