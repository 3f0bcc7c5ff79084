// The burst: N customers of the demo company, each signed in, submit a request at the same moment
// through POST /api/v1/exports on a production build, with the identity policy approving them
// (IDENTITY_AUTO_APPROVE). The embedded worker runs beside it as its own process, as `npm start`
// runs it. Measured: each POST's latency, the time from the first POST until every request is
// READY, that each has exactly one archive and one "ready" email, and the worker's peak RSS.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import { verifyAuditChain } from "@/lib/audit/verify";
import { withClient } from "@/lib/database/availability";
import { createPrismaClient } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { AWAITING_IDENTITY, IN_PROGRESS } from "@/lib/requests/lifecycle";
import { addDemoCustomers } from "@/prisma/demo-company";
import { MODEST_HISTORY, type DemoCustomer } from "@/prisma/demo-company/customers";
import { workerProcess } from "../worker-process";
import { startPortal } from "./http-load";
import { cpuSeconds, databaseServerCpu, machineCpu, peakRssMb, processTree } from "./process-stats";

export type BurstResult = {
  users: number;
  /** Latency of each POST from the client's side: sent to body read. */
  post: { p50Ms: number; p95Ms: number; maxMs: number; statuses: Record<string, number> };
  /** From the first POST until the last request was READY (its completedAt); null if not all were. */
  allReadySeconds: number | null;
  /** The same for the requests that were created and became READY, even if not all did. */
  lastReadySeconds: number | null;
  /**
   * What the web's and the worker's database sessions were doing while the POSTs were in flight,
   * sampled every 20 ms from pg_stat_activity: "web active", "worker idle in transaction", or a
   * wait event ("web Lock:advisory"); each is a count of session-samples.
   */
  sessionsDuringPosts: Record<string, number>;
  ready: number;
  statuses: Record<string, number>;
  /** Requests with exactly one archive, one "ready" email and one "received" email. */
  oneArchiveEach: number;
  oneReadyEmailEach: number;
  oneReceivedEmailEach: number;
  /** Requests with exactly one `request.submitted` audit event, and the whole chain verified after the burst. */
  oneSubmittedEventEach: number;
  auditChain: string;
  /**
   * CPU time (user + system, from /proc) the web server spent per POST while they were in flight,
   * and the worker's CPU time in that window and over the whole burst: figures that a busy
   * machine's other jobs change less than the wall-clock ones. Over the whole burst too: the web
   * server's, PostgreSQL's (its server processes, when it runs on this machine; else null) and how
   * busy the machine's cores were (100 % = all of them all the time).
   */
  cpu: {
    webMsPerPost: number;
    workerSecondsDuringPosts: number;
    workerSeconds: number;
    webSeconds: number;
    databaseSeconds: number | null;
    machineBusyPercent: number;
  };
  /** VmHWM of the worker process, and of the largest process of `next start`. */
  workerPeakRssMb: number;
  webPeakRssMb: number;
  /** The worker's settings from its environment (unset: its defaults) and its node flags. */
  workerSettings: Record<string, string>;
  loadAverage: number[];
};

type Options = {
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  users: number;
  port: number;
  /** Give up waiting for READY after this long (the result then says how many were). */
  timeoutSeconds?: number;
  /** Node flags for the web and worker processes, e.g. --cpu-prof (BENCH_NODE_OPTIONS). */
  nodeArgs?: string[];
  log?: (line: string) => void;
};

const WORKER_SETTINGS = /^(JOB_|WORKER_|MALLOC_ARENA_MAX$)/;

export async function measureBurst(options: Options): Promise<BurstResult> {
  const { databaseUrl, users: count, log = () => undefined } = options;
  // The first one warms the portal up; the burst is the others.
  const customers: DemoCustomer[] = Array.from({ length: count + 1 }, (_, index) => {
    const n = String(index).padStart(4, "0");
    return {
      externalId: `cus_burst_${n}`,
      email: `burst-${n}@example.com`,
      name: `Burst Customer ${n}`,
      country: "IE",
      history: MODEST_HISTORY,
    };
  });
  await addDemoCustomers(databaseUrl, customers);
  const [warmUp, ...people] = await signInCustomers(
    databaseUrl,
    customers.map((customer) => customer.email),
  );

  // As `npm start` runs them: production, the worker compiled and in a process of its own.
  const env = { ...options.env, NODE_ENV: "production" as const, IDENTITY_AUTO_APPROVE: "true" };
  // PGAPPNAME names each process's database sessions (node-postgres reads it), so the sampler can tell them apart.
  const nodeArgs = options.nodeArgs ?? [];
  const { args: workerArgs, env: workerEnv } = await workerProcess({ ...env, PGAPPNAME: "burst-worker" }, nodeArgs);
  const worker = spawn(process.execPath, workerArgs, { env: workerEnv, stdio: ["ignore", "inherit", "inherit"] });
  const portal = await startPortal({ ...env, PGAPPNAME: "burst-web" }, options.port, nodeArgs);
  try {
    const origin = portal.url;
    const post = (cookie: string, body: unknown) =>
      fetch(`${origin}/api/v1/exports`, {
        method: "POST",
        // What the portal's own pages send: a same-origin fetch with a JSON body.
        headers: {
          cookie,
          origin,
          "sec-fetch-site": "same-origin",
          "sec-fetch-mode": "cors",
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify(body),
      });
    // A portal that has served a request before: one customer's request goes all the way to its
    // email first, so that neither process pays its first-use costs (module loading, compiling
    // Prisma's queries, opening connections: ~200 ms of the web's CPU) inside the burst.
    const warm = await post(warmUp!.cookie, { type: "ACCESS", formats: ["JSON", "CSV"] });
    if (warm.status !== 202) throw new Error(`the warm-up POST answered ${warm.status}: ${await warm.text()}`);
    const warmDeadline = Date.now() + 120_000;
    for (;;) {
      const progress = await requestProgress(databaseUrl, [warmUp!.id]);
      if (progress.statuses.READY === 1 && progress.readyWithoutEmail === 0) break;
      if (Date.now() > warmDeadline || worker.exitCode !== null)
        throw new Error("the warm-up request did not become READY with its email within 2 minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    log(`burst: ${count} POSTs at once`);
    const webPids = processTree(portal.pid);
    const databaseCpu = await databaseServerCpu(databaseUrl);
    const cpuBefore = {
      web: cpuSeconds(webPids),
      worker: cpuSeconds([worker.pid!]),
      database: databaseCpu(),
      machine: machineCpu(),
    };
    const startedAt = new Date();
    const sampler = sampleSessions(databaseUrl);
    const answers = await Promise.all(
      people.map(async (person) => {
        const sent = performance.now();
        const response = await post(person.cookie, { type: "ACCESS", formats: ["JSON", "CSV"] });
        await response.arrayBuffer();
        return { ms: performance.now() - sent, status: response.status };
      }),
    );
    const sessionsDuringPosts = await sampler.stop();
    const cpuAfterPosts = { web: cpuSeconds(webPids), worker: cpuSeconds([worker.pid!]) };
    const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)]!);
    const postStatuses = countBy(answers.map((answer) => String(answer.status)));
    log(
      `burst: POSTs answered (p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${JSON.stringify(postStatuses)}); waiting for READY`,
    );

    const userIds = people.map((person) => person.id);
    const deadline = Date.now() + (options.timeoutSeconds ?? 600) * 1000;
    let progress = await requestProgress(databaseUrl, userIds);
    // Until every request is finished and, for the READY ones, the email has gone out too.
    while ((progress.open > 0 || progress.readyWithoutEmail > 0) && Date.now() < deadline && worker.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      progress = await requestProgress(databaseUrl, userIds);
    }
    const workerCpu = cpuSeconds([worker.pid!]) - cpuBefore.worker;
    const webCpu = cpuSeconds(processTree(portal.pid)) - cpuBefore.web;
    const databaseSeconds = databaseCpu() === null ? null : databaseCpu()! - cpuBefore.database!;
    const machine = machineCpu();
    const ready = progress.statuses.READY ?? 0;
    const lastReadySeconds = progress.lastCompletedAt
      ? Number(((progress.lastCompletedAt.getTime() - startedAt.getTime()) / 1000).toFixed(1))
      : null;
    const checks = await deliveryChecks(databaseUrl, userIds);
    const auditChain = await verifiedChain(databaseUrl);
    const result: BurstResult = {
      users: count,
      post: { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1), statuses: postStatuses },
      allReadySeconds: ready === count ? lastReadySeconds : null,
      lastReadySeconds,
      ready,
      sessionsDuringPosts,
      cpu: {
        webMsPerPost: Math.round(((cpuAfterPosts.web - cpuBefore.web) * 1000) / count),
        workerSecondsDuringPosts: Number((cpuAfterPosts.worker - cpuBefore.worker).toFixed(1)),
        workerSeconds: Number(workerCpu.toFixed(1)),
        webSeconds: Number(webCpu.toFixed(1)),
        databaseSeconds: databaseSeconds === null ? null : Number(databaseSeconds.toFixed(1)),
        machineBusyPercent: Math.round(
          (100 * (machine.busy - cpuBefore.machine.busy)) / (machine.total - cpuBefore.machine.total),
        ),
      },
      statuses: progress.statuses,
      ...checks,
      auditChain,
      workerPeakRssMb: peakRssMb(worker.pid!),
      webPeakRssMb: Math.max(...processTree(portal.pid).map(peakRssMb)),
      workerSettings: {
        ...Object.fromEntries(
          Object.entries(workerEnv)
            .filter(([name]) => WORKER_SETTINGS.test(name))
            .map(([name, value]) => [name, String(value)]),
        ),
        nodeFlags: workerArgs.filter((arg) => arg.startsWith("--")).join(" "),
      },
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    };
    log(
      `burst: ${ready} of ${count} READY${result.allReadySeconds === null ? "" : ` after ${result.allReadySeconds} s`}; worker peak RSS ${result.workerPeakRssMb} MB`,
    );
    return result;
  } finally {
    await portal.stop();
    await stopChild(worker);
  }
}

/** One portal account and one database session (as Auth.js makes at sign-in) per email. */
async function signInCustomers(databaseUrl: string, emails: string[]): Promise<Array<{ id: string; cookie: string }>> {
  const people = emails.map((email) => ({ id: randomUUID(), email, token: randomBytes(24).toString("hex") }));
  await withClient(databaseUrl, "bench", async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, "emailVerified", "updatedAt") SELECT id, email, now(), now() FROM unnest($1::text[], $2::text[]) AS u(id, email)`,
      [people.map((person) => person.id), people.map((person) => person.email)],
    );
    await client.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires) SELECT gen_random_uuid()::text, token, id, now() + interval '7 days' FROM unnest($1::text[], $2::text[]) AS s(token, id)`,
      [people.map((person) => person.token), people.map((person) => person.id)],
    );
  });
  return people.map((person) => ({ id: person.id, cookie: `authjs.session-token=${person.token}` }));
}

// Still on its way to READY: awaiting a decision or being exported (a FAILED request is not).
const OPEN_STATUSES: string[] = [...AWAITING_IDENTITY, ...IN_PROGRESS];

type Progress = {
  statuses: Record<string, number>;
  open: number;
  readyWithoutEmail: number;
  lastCompletedAt: Date | null;
};

async function requestProgress(databaseUrl: string, userIds: string[]): Promise<Progress> {
  return withClient(databaseUrl, "bench", async (client) => {
    const { rows } = await client.query<{ status: string; n: number; last: Date | null; emailed: number }>(
      `SELECT r.status::text, count(*)::int AS n, max(r."completedAt") AS last,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "OutboxEmail" e JOIN "ExportArchive" a ON e."idempotencyKey" = 'data-ready/' || a.id
                                              WHERE a."requestId" = r.id))::int AS emailed
         FROM "PrivacyRequest" r WHERE r."userId" = ANY($1) GROUP BY r.status`,
      [userIds],
    );
    const statuses = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    const open = rows.filter((row) => OPEN_STATUSES.includes(row.status)).reduce((sum, row) => sum + row.n, 0);
    const ready = rows.find((row) => row.status === RequestStatus.READY);
    return {
      statuses,
      open,
      readyWithoutEmail: ready ? ready.n - ready.emailed : 0,
      lastCompletedAt: ready?.last ?? null,
    };
  });
}

/** Per request: its archives, its "ready" emails (keyed by archive) and its "received" email. */
async function deliveryChecks(
  databaseUrl: string,
  userIds: string[],
): Promise<
  Pick<BurstResult, "oneArchiveEach" | "oneReadyEmailEach" | "oneReceivedEmailEach" | "oneSubmittedEventEach">
> {
  return withClient(databaseUrl, "bench", async (client) => {
    const { rows } = await client.query<{ archives: number; ready: number; received: number; submitted: number }>(
      `SELECT (SELECT count(*)::int FROM "ExportArchive" a WHERE a."requestId" = r.id) AS archives,
              (SELECT count(*)::int FROM "OutboxEmail" e JOIN "ExportArchive" a ON e."idempotencyKey" = 'data-ready/' || a.id WHERE a."requestId" = r.id) AS ready,
              (SELECT count(*)::int FROM "OutboxEmail" e WHERE e."idempotencyKey" = 'request-received/' || r.id) AS received,
              (SELECT count(*)::int FROM "AuditEvent" v WHERE v."requestId" = r.id AND v.action = 'request.submitted') AS submitted
         FROM "PrivacyRequest" r WHERE r."userId" = ANY($1)`,
      [userIds],
    );
    return {
      oneArchiveEach: rows.filter((row) => row.archives === 1).length,
      oneReadyEmailEach: rows.filter((row) => row.ready === 1).length,
      oneReceivedEmailEach: rows.filter((row) => row.received === 1).length,
      oneSubmittedEventEach: rows.filter((row) => row.submitted === 1).length,
    };
  });
}

/** The audit chain after the burst, checked by the portal's own verifier: "ok (n events)" or why not. */
async function verifiedChain(databaseUrl: string): Promise<string> {
  const db = createPrismaClient(databaseUrl);
  try {
    const report = await verifyAuditChain(db);
    return report.ok ? `ok (${report.checked} events)` : `broken at event ${report.brokenAt}: ${report.reason}`;
  } finally {
    await db.$disconnect();
  }
}

/** Counts what the database's other sessions are doing, every 20 ms until stopped. */
function sampleSessions(databaseUrl: string): { stop(): Promise<Record<string, number>> } {
  const counts: Record<string, number> = {};
  let running = true;
  const sampling = withClient(databaseUrl, "bench", async (client) => {
    while (running) {
      const { rows } = await client.query<{ what: string; n: number }>(
        `SELECT replace(application_name, 'burst-', '') || ' ' || coalesce(wait_event_type || ':' || wait_event, state) AS what, count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = current_database() AND application_name LIKE 'burst-%' AND state <> 'idle'
          GROUP BY 1`,
      );
      for (const row of rows) counts[row.what] = (counts[row.what] ?? 0) + row.n;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return {
    async stop() {
      running = false;
      await sampling;
      return counts;
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
