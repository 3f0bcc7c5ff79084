// The status API and the status page under load: a production build (`next start`) on loopback,
// 50 connections signed in as one customer, for a bounded time; latency percentiles from every
// response, and database transactions per call from pg_stat_database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { withClient } from "@/lib/database/availability";

export type LoadResult = {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  non2xx: number;
  transactionsPerCall: number;
  /** Latency of a call with nothing else in flight (the 100 calls that count transactions): the service time under the load's queueing. */
  aloneP50Ms: number;
};

export async function startPortal(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: string[] = [],
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const up = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A database session for `userId`, as Auth.js creates at sign-in; returns the Cookie header. */
export async function signInCookie(databaseUrl: string, userId: string): Promise<string> {
  const token = randomBytes(24).toString("hex");
  await withClient(databaseUrl, "bench", (client) =>
    client.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '7 days')`,
      [randomBytes(12).toString("hex"), token, userId],
    ),
  );
  return `authjs.session-token=${token}`;
}

/**
 * Database transactions one call costs, from 100 calls one after another (nothing else in flight),
 * minus what the database committed meanwhile on its own (autovacuum and autoanalyze after the
 * bench's seeding), measured over an idle window of the same length right after; and how long
 * each of those calls took.
 */
export async function callsAlone(
  databaseUrl: string,
  url: string,
  cookie: string,
): Promise<{ transactionsPerCall: number; times: number[] }> {
  const calls = 100;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // A backend reports its counters within PGSTAT_IDLE_INTERVAL (10 s, PostgreSQL 15+) of going
  // idle: wait that long first, or an earlier load's last transactions land in this count.
  await sleep(11_000);
  const before = await committed(databaseUrl);
  const times: number[] = [];
  for (let call = 0; call < calls; call += 1) {
    const sent = performance.now();
    await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    times.push(performance.now() - sent);
  }
  const callsMs = times.reduce((sum, ms) => sum + ms, 0);
  await sleep(11_000);
  const after = await committed(databaseUrl);
  await sleep(callsMs + 11_000);
  const idle = await committed(databaseUrl);
  // Each reading commits one transaction of its own.
  const background = idle - after - 1;
  return { transactionsPerCall: Number(((after - before - 1 - background) / calls).toFixed(2)), times };
}

export async function measureLoad(
  databaseUrl: string,
  url: string,
  cookie: string,
  seconds: number,
): Promise<LoadResult> {
  const warm = await fetch(url, { headers: { cookie } });
  if (!warm.ok) throw new Error(`${url} answered ${warm.status} before the load started`);
  const alone = await callsAlone(databaseUrl, url, cookie);
  const times: number[] = [];
  const run = autocannon({ url, connections: 50, duration: seconds, headers: { cookie } });
  run.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  const result = await run;
  return {
    requests: times.length,
    perSecond: Math.round(times.length / seconds),
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    non2xx: result.non2xx,
    transactionsPerCall: alone.transactionsPerCall,
    aloneP50Ms: percentile(alone.times, 0.5),
  };
}

async function committed(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, "bench", async (client) => {
    const { rows } = await client.query<{ n: string }>(
      "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(rows[0]!.n);
  });
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? NaN).toFixed(1));
}
