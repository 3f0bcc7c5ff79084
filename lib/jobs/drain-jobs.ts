import { randomUUID } from "node:crypto";
import type { Inngest } from "inngest";
import type { PrismaClient } from "@/lib/db";
import { createRunExecutor, type ExecutorOptions } from "./execute-run";
import { describeJobs, type JobFunction } from "./functions";
import { claimRun, dispatchEvents, hasPendingWork } from "./run-queue";
import { withLogContext } from "@/lib/observability/log-context";

export type DrainOptions = {
  db: PrismaClient;
  client: Inngest.Any;
  functions: JobFunction[];
  /** First retry delay (default 10 ms, so retries do not slow a test down). */
  backoffMs?: number;
  leaseMs?: number;
  log?: (line: string) => void;
  /** How a call reaches the functions (default: in-process); tests drive /api/inngest with it. */
  invoke?: ExecutorOptions["invoke"];
};

/**
 * Runs every queued event and run in this process, one run at a time, until nothing is left —
 * including retries and sleeps, which it waits out. For tests and scripts that need a workflow
 * finished before they look at its results. Cron schedules are not fired.
 */
export async function drainJobs(options: DrainOptions, timeoutMs = 60_000): Promise<void> {
  const { db } = options;
  const owner = `drain-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const catalog = describeJobs(options.functions, options.client.id);
  const execute = createRunExecutor({
    db,
    client: options.client,
    catalog,
    owner,
    leaseMs,
    backoffMs: options.backoffMs ?? 10,
    log: options.log,
    invoke: options.invoke,
  });
  const deadline = Date.now() + timeoutMs;
  while (await hasPendingWork(db)) {
    if (Date.now() > deadline) throw new Error(`Jobs were still pending after ${timeoutMs} ms.`);
    await dispatchEvents(db, catalog);
    const runId = await claimRun(db, owner, leaseMs);
    if (runId) await withLogContext({ runId }, () => execute(runId));
    else await new Promise((resolve) => setTimeout(resolve, 20)); // a retry or sleep is not due yet
  }
}
