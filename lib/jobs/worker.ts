import { randomUUID } from "node:crypto";
import type { Inngest } from "inngest";
import pg from "pg";
import type { PrismaClient } from "@/lib/db";
import { JOBS_CHANNEL } from "./event-inbox";
import { createRunExecutor } from "./execute-run";
import type { JobFunction } from "./functions";
import { claimRun, dispatchEvents, fireCronTicks, hasPendingWork } from "./run-queue";

export type WorkerOptions = {
  db: PrismaClient;
  databaseUrl: string;
  client: Inngest.Any;
  functions: JobFunction[];
  /** Runs executing at once. */
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  backoffMs?: number;
  log?: (line: string) => void;
};

/**
 * The embedded worker: wakes on NOTIFY (and polls as a fallback), dispatches events, fires cron
 * ticks and executes runs with bounded concurrency. Safe to run in several processes at once.
 */
export function startWorker(options: WorkerOptions): { stop(): Promise<void> } {
  const owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const { db, functions, client } = options;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 30_000;
  const execute = createRunExecutor({ db, client, functions, owner, leaseMs, backoffMs: options.backoffMs ?? 1_000, log: options.log });
  const active = new Set<Promise<unknown>>();
  let stopped = false;
  let wake: () => void = () => undefined;

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on("notification", () => wake());
  listener.on("error", (error) => options.log?.(`job listener: ${error.message}`));
  const listening = listener.connect().then(() => listener.query(`LISTEN ${JOBS_CHANNEL}`));

  async function tick() {
    await dispatchEvents(db, functions, client.id);
    await fireCronTicks(db, functions, client.id);
    while (!stopped && active.size < concurrency) {
      const runId = await claimRun(db, owner, leaseMs);
      if (!runId) break;
      const running = execute(runId)
        .catch((error: unknown) => options.log?.(`run ${runId}: ${(error as Error).message}`))
        .finally(() => {
          active.delete(running);
          wake();
        });
      active.add(running);
    }
  }

  const loop = (async () => {
    await listening.catch((error: unknown) => options.log?.(`LISTEN failed, polling only: ${(error as Error).message}`));
    while (!stopped) {
      await tick().catch((error: unknown) => options.log?.(`job worker: ${(error as Error).message}`));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 1_000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      await Promise.allSettled(active);
      await listener.end().catch(() => undefined);
    },
  };
}

/** Runs everything queued, in this process, until nothing is left (tests, scripts). */
export async function drainJobs(options: Omit<WorkerOptions, "databaseUrl">, timeoutMs = 60_000): Promise<void> {
  const owner = `drain-${randomUUID().slice(0, 8)}`;
  const execute = createRunExecutor({ ...options, owner, leaseMs: options.leaseMs ?? 30_000, backoffMs: options.backoffMs ?? 10 });
  const deadline = Date.now() + timeoutMs;
  while (await hasPendingWork(options.db)) {
    if (Date.now() > deadline) throw new Error("Jobs did not finish in time.");
    await dispatchEvents(options.db, options.functions, options.client.id);
    const runId = await claimRun(options.db, owner, options.leaseMs ?? 30_000);
    if (runId) await execute(runId);
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
