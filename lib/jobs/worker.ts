import { randomUUID } from "node:crypto";
import type { Inngest } from "inngest";
import pLimit from "p-limit";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { fireCronTicks, type CronTicksSeen } from "./cron";
import { createRunExecutor } from "./execute-run";
import { createInProcessServe } from "./serve-protocol";
import { describeJobs, type JobFunction } from "./functions";
import { listenForJobs } from "./job-listener";
import { withLogContext } from "@/lib/observability/log-context";
import { logger } from "@/lib/observability/logger";
import { claimRun, dispatchEvents } from "./run-queue";

export { drainJobs } from "./drain-jobs";

export type WorkerOptions = {
  databaseUrl: string;
  /** The client the functions were created with (its id prefixes every function id). */
  client: Inngest.Any;
  functions: JobFunction[];
  /** Defaults to a client of its own on databaseUrl, closed by stop(). */
  db?: PrismaClient;
  /**
   * Function calls (a step, or a replay that finds the next steps) executing at once in this
   * worker, across all its runs; also the most runs it leases at once (default 4). This is what
   * bounds the worker's memory and CPU under a burst: each collect or package step streams, so
   * memory grows with the steps in flight, not with the requests queued.
   */
  concurrency?: number;
  /** How long a run stays leased without a heartbeat before another worker takes it over (default 30 s). */
  leaseMs?: number;
  /** Polling interval, the fallback when no NOTIFY arrives (default 1 s). */
  pollMs?: number;
  /** First retry delay of a failed step; doubles per attempt (default 1 s). */
  backoffMs?: number;
  log?: (line: string) => void;
};

/**
 * The embedded worker: wakes on NOTIFY (polling as a fallback), dispatches events to runs, fires
 * cron ticks and executes due runs with bounded concurrency. Several may run at once, in one
 * process or many. stop() lets the steps in progress finish and be stored, then hands their runs
 * back to the queue.
 */
export function startWorker(options: WorkerOptions): { stop(): Promise<void> } {
  const owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const db = options.db ?? createPrismaClient(options.databaseUrl);
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 30_000;
  const catalog = describeJobs(options.functions, options.client.id);
  warnAboutIgnoredOptions(catalog, log);
  // Bounds the function calls of all runs together, first come first served; each run's own bound
  // (stepConcurrency) sits inside it. p-limit keeps its queue in order and hands a freed place to
  // the next call, which is all a worker needs from a limiter (no priorities, no cancelling).
  const limit = pLimit(concurrency);
  const serve = createInProcessServe(
    options.client,
    [...catalog.values()].map((job) => job.fn),
  );
  const execute = createRunExecutor({
    db,
    client: options.client,
    catalog,
    owner,
    leaseMs,
    backoffMs: options.backoffMs ?? 1_000,
    log,
    invoke: (call) => limit(() => serve(call)),
  });
  const active = new Set<Promise<void>>();
  const executing = new Set<string>();
  const alarm = createAlarm();
  let stopping = false;
  const listener = listenForJobs(options.databaseUrl, alarm.ring, log);
  const cronTicksSeen: CronTicksSeen = new Map();

  async function tick() {
    await dispatchEvents(db, catalog);
    await fireCronTicks(db, catalog, new Date(), cronTicksSeen);
    while (!stopping && active.size < concurrency) {
      const runId = await claimRun(db, owner, leaseMs);
      if (!runId) break;
      // A run still executing here whose lease lapsed (its renewals failed while the database was
      // away, or the process stalled): the claim renewed it, and it goes on where it is. A second
      // execution would carry the same owner, so the lease could not keep the two apart: they ran
      // one source's collect twice at once, and packaging then failed for good (issue #20).
      if (executing.has(runId)) continue;
      executing.add(runId);
      // Every line logged while the run executes names it (lib/observability/log-context.ts).
      const run = withLogContext({ runId }, () => execute(runId, () => stopping));
      void run.finally(() => executing.delete(runId)).catch(() => undefined); // track() reports its failure
      track(active, runId, run, log, alarm.ring); // its end frees a slot
    }
  }

  const loop = (async () => {
    while (!stopping) {
      // A warning an SRE can alert on (the database is away, most likely); the loop goes on.
      await tick().catch((err: unknown) => logger({ module: "jobs" }).warn({ err }, "job worker: a poll failed"));
      await alarm.wait(options.pollMs ?? 1_000);
    }
  })();

  return {
    async stop() {
      stopping = true;
      alarm.ring();
      await loop;
      await Promise.allSettled(active);
      await listener.close();
      if (!options.db) await db.$disconnect();
    },
  };
}

/** Keeps `run` in `active` until it settles, logging a failure; `settled` is called after either. */
function warnAboutIgnoredOptions(catalog: ReturnType<typeof describeJobs>, log: (line: string) => void): void {
  for (const job of catalog.values()) {
    if (job.ignoredOptions.length === 0) continue;
    log(`${job.id}: ${job.ignoredOptions.join(", ")} only take effect on Inngest, not here`);
  }
}

function track(
  active: Set<Promise<void>>,
  runId: string,
  run: Promise<unknown>,
  log: (line: string) => void,
  settled: () => void,
): void {
  const running: Promise<void> = run
    .then(
      () => undefined,
      (error: unknown) => log(`run ${runId}: ${(error as Error).stack ?? error}`),
    )
    .finally(() => {
      active.delete(running);
      settled();
    });
  active.add(running);
}

/** A wait that a notification can cut short, and that remembers a ring that came while not waiting. */
function createAlarm() {
  let rung = false;
  let wake: (() => void) | undefined;
  return {
    ring() {
      rung = true;
      wake?.();
    },
    async wait(ms: number) {
      if (!rung) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      rung = false;
      wake = undefined;
    },
  };
}
