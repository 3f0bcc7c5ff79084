import type { Inngest } from "inngest";
import pLimit from "p-limit";
import { isDatabaseUnavailable } from "@/lib/database/availability";
import type { PrismaClient } from "@/lib/db";
import type { JobCatalog, JobDefinition } from "./functions";
import { renewLease } from "./run-queue";
import { createRunStore, FUNCTION_BODY, type RunEnd, type RunStore, type StoredRun } from "./run-store";
import {
  createInProcessServe,
  describeError,
  type Invocation,
  type Reply,
  sleepEndsAt,
  type StepOp,
} from "./serve-protocol";

// Drives one leased run forward, round by round, until it finishes or has to wait: each round
// replays the function to discover its next step(s), runs them (parallel ones with bounded
// concurrency), and stores every outcome before the next round. Protocol facts: serve-protocol.ts.

export type RunOutcome = "completed" | "failed" | "parked" | "released" | "lost";

export type ExecutorOptions = {
  db: PrismaClient;
  client: Inngest.Any;
  catalog: JobCatalog;
  owner: string;
  leaseMs: number;
  /** First retry delay; doubles with each attempt, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs?: number;
  /** Parallel steps of one run executing at once. */
  stepConcurrency?: number;
  /** How a call reaches the functions; default: their serve handler, in-process. */
  invoke?: (call: Invocation) => Promise<Reply>;
  log?: (line: string) => void;
};

export type RunExecutor = (runId: string, stopping?: () => boolean) => Promise<RunOutcome>;

/** What every part of one executor shares: built once, passed to each concern below. */
type Executor = {
  db: PrismaClient;
  catalog: JobCatalog;
  owner: string;
  leaseMs: number;
  stepConcurrency: number;
  invoke: (call: Invocation) => Promise<Reply>;
  store: RunStore;
  log: (line: string) => void;
  /** When the next attempt after `attempt` failed ones may start. */
  backoff: (attempt: number) => Date;
};

export function createRunExecutor(options: ExecutorOptions): RunExecutor {
  const functions = () => [...options.catalog.values()].map((job) => job.fn);
  const maxBackoffMs = options.maxBackoffMs ?? 300_000;
  const executor: Executor = {
    db: options.db,
    catalog: options.catalog,
    owner: options.owner,
    leaseMs: options.leaseMs,
    stepConcurrency: options.stepConcurrency ?? 4,
    invoke: options.invoke ?? createInProcessServe(options.client, functions()),
    store: createRunStore(options.db, options.owner),
    log: options.log ?? (() => undefined),
    backoff: (attempt) => new Date(Date.now() + Math.min(options.backoffMs * 2 ** (attempt - 1), maxBackoffMs)),
  };
  return (runId, stopping = () => false) => executeRun(executor, runId, stopping);
}

async function executeRun(executor: Executor, runId: string, stopping: () => boolean): Promise<RunOutcome> {
  const heartbeat = startHeartbeat(executor, runId);
  try {
    for (;;) {
      if (heartbeat.lost()) return "lost";
      if (stopping()) {
        await executor.store.release(runId);
        return "released";
      }
      const outcome = await advance(executor, await executor.store.load(runId), stopping);
      if (outcome) return outcome;
    }
  } catch (error) {
    // The database went away under the run (failover, restart). Its finished steps are stored;
    // hand it back now if the database is already back, else its lease runs out and any worker
    // resumes it from the last stored step.
    if (isDatabaseUnavailable(error)) await executor.store.release(runId).catch(() => undefined);
    throw error;
  } finally {
    heartbeat.stop();
  }
}

/** Renews the run's lease every third of its length; lost() once another worker holds it. */
function startHeartbeat(executor: Executor, runId: string): { lost(): boolean; stop(): void } {
  const { db, owner, leaseMs } = executor;
  let lost = false;
  const timer = setInterval(() => {
    renewLease(db, runId, owner, leaseMs).then(
      (held) => {
        if (!held) lost = true;
      },
      () => undefined, // a failed renewal is retried on the next beat; the lease outlives two of them
    );
  }, leaseMs / 3);
  return { lost: () => lost, stop: () => clearInterval(timer) };
}

/** One replay of the function: its end, a retry of its body, or the round of steps it asks for next. */
async function advance(executor: Executor, run: StoredRun, stopping: () => boolean): Promise<RunOutcome | undefined> {
  const job = executor.catalog.get(run.functionId);
  if (!job) return end(executor, run.id, { error: `No function ${run.functionId} is registered with this worker.` });
  const reply = await executor.invoke(invocation(run, job, "step", run.attempts[FUNCTION_BODY] ?? 0));
  if (reply.kind === "returned") return end(executor, run.id, { output: reply.output });
  if (reply.kind === "threw") {
    // The function body threw outside any step (or rethrew a failed step's error).
    const attempt = (run.attempts[FUNCTION_BODY] ?? 0) + 1;
    if (!reply.retriable || attempt >= job.maxAttempts) return end(executor, run.id, { error: reply.error });
    executor.log(`${job.id} threw (attempt ${attempt} of ${job.maxAttempts}): ${reply.error}`);
    const resumeAt = reply.retryAt ?? executor.backoff(attempt);
    await executor.store.park(run.id, { ...run.attempts, [FUNCTION_BODY]: attempt }, resumeAt);
    return "parked";
  }
  return runRound(executor, run, job, reply.ops, stopping);
}

function invocation(run: StoredRun, job: JobDefinition, stepId: string, attempt: number): Invocation {
  const { id: runId, event, steps, stack } = run;
  return { functionId: job.id, stepId, runId, event, steps, stack, attempt, maxAttempts: job.maxAttempts };
}

async function end(executor: Executor, runId: string, result: RunEnd): Promise<RunOutcome> {
  await executor.store.finish(runId, result);
  if ("error" in result) executor.log(`run ${runId} failed: ${result.error}`);
  return "error" in result ? "failed" : "completed";
}

/** Runs the planned steps and stores their outcomes; undefined means "go on to the next round". */
async function runRound(
  executor: Executor,
  run: StoredRun,
  job: JobDefinition,
  ops: StepOp[],
  stopping: () => boolean,
): Promise<RunOutcome | undefined> {
  const complete = ops.find((op) => op.op === "RunComplete");
  if (complete) return end(executor, run.id, { output: complete.data });
  const unsupported = ops.filter((op) => op.op !== "StepPlanned" && op.op !== "Sleep");
  if (unsupported.length > 0) {
    const names = unsupported.map((op) => `${op.op} (${op.displayName ?? op.id})`).join(", ");
    const error = `The embedded runner cannot run ${names}; use Inngest for these step kinds.`;
    return end(executor, run.id, { error });
  }
  const planned = ops.filter((op) => op.op === "StepPlanned");
  const replies = await runSteps(executor, run, job, planned, stopping);
  const { attempts, resumeAt: retryAt } = await storeStepOutcomes(executor, run, job, planned, replies);
  const sleptUntil = await storeSleeps(
    executor,
    run,
    ops.filter((op) => op.op === "Sleep"),
  );
  const resumeAt = sleptUntil ? later(retryAt, sleptUntil) : retryAt;
  if (resumeAt) {
    await executor.store.park(run.id, attempts, resumeAt);
    return "parked";
  }
  if (JSON.stringify(attempts) !== JSON.stringify(run.attempts)) await executor.store.saveAttempts(run.id, attempts);
  return undefined;
}

/**
 * Runs the planned steps, stepConcurrency at a time; a step not started once `stopping()` holds
 * has no reply (it is planned again next time). p-limit is the one limiter of the embedded runner:
 * the worker's bound across all runs (worker.ts) is one too.
 */
function runSteps(
  executor: Executor,
  run: StoredRun,
  job: JobDefinition,
  planned: StepOp[],
  stopping: () => boolean,
): Promise<(Reply | undefined)[]> {
  const limit = pLimit(executor.stepConcurrency);
  return limit.map(planned, (op) =>
    stopping() ? undefined : executor.invoke(invocation(run, job, op.id, run.attempts[op.id] ?? 0)),
  );
}

/** Stores each replied step's result, or counts its failed attempt; resumeAt is when the earliest retry may start. */
async function storeStepOutcomes(
  executor: Executor,
  run: StoredRun,
  job: JobDefinition,
  planned: StepOp[],
  replies: (Reply | undefined)[],
): Promise<{ attempts: Record<string, number>; resumeAt?: Date }> {
  const attempts = { ...run.attempts };
  let resumeAt: Date | undefined;
  for (const [index, op] of planned.entries()) {
    const reply = replies[index];
    if (!reply) continue; // not started: the worker is stopping
    const outcome = stepOutcome(reply);
    if (outcome.stored) {
      await executor.store.storeStep(run.id, op.id, outcome.stored);
      // Inngest resets the function's own attempt count when a step completes.
      delete attempts[FUNCTION_BODY];
      continue;
    }
    const attempt = (attempts[op.id] ?? 0) + 1;
    attempts[op.id] = attempt;
    const name = op.displayName ?? op.id;
    executor.log(`step ${name} of ${job.id} failed (attempt ${attempt} of ${job.maxAttempts}): ${outcome.error}`);
    if (attempt >= job.maxAttempts) {
      // The SDK marks the last attempt StepFailed itself; this only guards against a lost count.
      const error = { name: "Error", message: outcome.error };
      await executor.store.storeStep(run.id, op.id, { type: "error", error });
      continue;
    }
    resumeAt = later(resumeAt, outcome.retryAt ?? executor.backoff(attempt));
  }
  return resumeAt ? { attempts, resumeAt } : { attempts };
}

/** A sleep is stored as finished now and the run parked until it ends: nothing runs before then. */
async function storeSleeps(executor: Executor, run: StoredRun, sleeps: StepOp[]): Promise<Date | undefined> {
  let until: Date | undefined;
  for (const op of sleeps) {
    until = later(until, sleepEndsAt(op));
    await executor.store.storeStep(run.id, op.id, { type: "data", data: null });
  }
  return until;
}

type StepOutcome =
  | { stored: { type: "data"; data: unknown } | { type: "error"; error: unknown } }
  | { stored?: undefined; error: string; retryAt?: Date };

/** What a step request's reply means for the run: a result to store, or an attempt to retry. */
function stepOutcome(reply: Reply): StepOutcome {
  const retryAt = reply.kind !== "returned" && reply.retryAt ? { retryAt: reply.retryAt } : {};
  if (reply.kind === "ops" && reply.ops.length === 1) {
    const [op] = reply.ops as [StepOp];
    if (op.op === "StepRun") return { stored: { type: "data", data: op.data ?? null } };
    if (op.op === "StepFailed") return { stored: { type: "error", error: op.error } };
    if (op.op === "StepError") return { error: describeError(op.error), ...retryAt };
  }
  if (reply.kind === "threw") return { error: reply.error, ...retryAt };
  return { error: `unexpected reply to a step request: ${JSON.stringify(reply).slice(0, 300)}` };
}

function later(a: Date | undefined, b: Date): Date {
  return a && a > b ? a : b;
}
