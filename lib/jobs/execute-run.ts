import type { Inngest } from "inngest";
import { isDatabaseUnavailable } from "@/lib/database/availability";
import type { PrismaClient } from "@/lib/db";
import type { JobCatalog, JobDefinition } from "./functions";
import { renewLease } from "./run-queue";
import { createRunStore, FUNCTION_BODY, type RunEnd, type StoredRun } from "./run-store";
import { createInProcessServe, describeError, type Invocation, type Reply, sleepEndsAt, type StepOp } from "./serve-protocol";

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

export function createRunExecutor(options: ExecutorOptions): RunExecutor {
  const { db, catalog, owner, leaseMs } = options;
  const invoke = options.invoke ?? createInProcessServe(options.client, [...catalog.values()].map((job) => job.fn));
  const store = createRunStore(db, owner);
  const log = options.log ?? (() => undefined);
  const backoff = (attempt: number) =>
    new Date(Date.now() + Math.min(options.backoffMs * 2 ** (attempt - 1), options.maxBackoffMs ?? 300_000));

  async function end(runId: string, result: RunEnd): Promise<RunOutcome> {
    await store.finish(runId, result);
    if ("error" in result) log(`run ${runId} failed: ${result.error}`);
    return "error" in result ? "failed" : "completed";
  }

  /** Runs the planned steps and stores their outcomes; undefined means "go on to the next round". */
  async function runRound(run: StoredRun, job: JobDefinition, ops: StepOp[], stopping: () => boolean): Promise<RunOutcome | undefined> {
    const complete = ops.find((op) => op.op === "RunComplete");
    if (complete) return end(run.id, { output: complete.data });
    const unsupported = ops.filter((op) => op.op !== "StepPlanned" && op.op !== "Sleep");
    if (unsupported.length > 0) {
      const names = unsupported.map((op) => `${op.op} (${op.displayName ?? op.id})`).join(", ");
      return end(run.id, { error: `The embedded runner cannot run ${names}; use Inngest for these step kinds.` });
    }

    const call = (stepId: string) =>
      invoke({
        functionId: job.id,
        stepId,
        runId: run.id,
        event: run.event,
        steps: run.steps,
        stack: run.stack,
        attempt: run.attempts[stepId] ?? 0,
        maxAttempts: job.maxAttempts,
      });
    const planned = ops.filter((op) => op.op === "StepPlanned");
    const replies = await mapLimit(planned, options.stepConcurrency ?? 4, stopping, (op) => call(op.id));

    const attempts = { ...run.attempts };
    let resumeAt: Date | undefined;
    for (const [index, op] of planned.entries()) {
      const reply = replies[index];
      if (!reply) continue; // not started: the worker is stopping; it is planned again next time
      const outcome = stepOutcome(reply);
      if (outcome.stored) {
        await store.storeStep(run.id, op.id, outcome.stored);
        // Inngest resets the function's own attempt count when a step completes.
        delete attempts[FUNCTION_BODY];
        continue;
      }
      const attempt = (attempts[op.id] ?? 0) + 1;
      attempts[op.id] = attempt;
      log(`step ${op.displayName ?? op.id} of ${job.id} failed (attempt ${attempt} of ${job.maxAttempts}): ${outcome.error}`);
      if (attempt >= job.maxAttempts) {
        // The SDK marks the last attempt StepFailed itself; this only guards against a lost count.
        await store.storeStep(run.id, op.id, { type: "error", error: { name: "Error", message: outcome.error } });
        continue;
      }
      resumeAt = later(resumeAt, outcome.retryAt ?? backoff(attempt));
    }
    // A sleep is stored as finished now and the run parked until it ends: nothing runs before then.
    for (const op of ops.filter((o) => o.op === "Sleep")) {
      resumeAt = later(resumeAt, sleepEndsAt(op));
      await store.storeStep(run.id, op.id, { type: "data", data: null });
    }

    if (resumeAt) {
      await store.park(run.id, attempts, resumeAt);
      return "parked";
    }
    if (JSON.stringify(attempts) !== JSON.stringify(run.attempts)) await store.saveAttempts(run.id, attempts);
    return undefined;
  }

  return async function executeRun(runId, stopping = () => false) {
    let leaseLost = false;
    const heartbeat = setInterval(() => {
      renewLease(db, runId, owner, leaseMs).then(
        (held) => {
          if (!held) leaseLost = true;
        },
        () => undefined, // a failed renewal is retried on the next beat; the lease outlives two of them
      );
    }, leaseMs / 3);
    try {
      for (;;) {
        if (leaseLost) return "lost";
        if (stopping()) {
          await store.release(runId);
          return "released";
        }
        const run = await store.load(runId);
        const job = catalog.get(run.functionId);
        if (!job) return end(runId, { error: `No function ${run.functionId} is registered with this worker.` });

        const reply = await invoke({
          functionId: job.id,
          stepId: "step",
          runId,
          event: run.event,
          steps: run.steps,
          stack: run.stack,
          attempt: run.attempts[FUNCTION_BODY] ?? 0,
          maxAttempts: job.maxAttempts,
        });
        if (reply.kind === "returned") return end(runId, { output: reply.output });
        if (reply.kind === "threw") {
          // The function body threw outside any step (or rethrew a failed step's error).
          const attempt = (run.attempts[FUNCTION_BODY] ?? 0) + 1;
          if (!reply.retriable || attempt >= job.maxAttempts) return end(runId, { error: reply.error });
          log(`${job.id} threw (attempt ${attempt} of ${job.maxAttempts}): ${reply.error}`);
          await store.park(runId, { ...run.attempts, [FUNCTION_BODY]: attempt }, reply.retryAt ?? backoff(attempt));
          return "parked";
        }
        const outcome = await runRound(run, job, reply.ops, stopping);
        if (outcome) return outcome;
      }
    } catch (error) {
      // The database went away under the run (failover, restart). Its finished steps are stored;
      // hand it back now if the database is already back, else its lease runs out and any worker
      // resumes it from the last stored step.
      if (isDatabaseUnavailable(error)) await store.release(runId).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  };
}

type StepOutcome = { stored: { type: "data"; data: unknown } | { type: "error"; error: unknown } } | { stored?: undefined; error: string; retryAt?: Date };

/** What a step request's reply means for the run: a result to store, or an attempt to retry. */
function stepOutcome(reply: Reply): StepOutcome {
  if (reply.kind === "ops" && reply.ops.length === 1) {
    const [op] = reply.ops as [StepOp];
    if (op.op === "StepRun") return { stored: { type: "data", data: op.data ?? null } };
    if (op.op === "StepFailed") return { stored: { type: "error", error: op.error } };
    if (op.op === "StepError") return { error: describeError(op.error), ...(reply.retryAt ? { retryAt: reply.retryAt } : {}) };
  }
  if (reply.kind === "threw") return { error: reply.error, ...(reply.retryAt ? { retryAt: reply.retryAt } : {}) };
  return { error: `unexpected reply to a step request: ${JSON.stringify(reply).slice(0, 300)}` };
}

function later(a: Date | undefined, b: Date): Date {
  return a && a > b ? a : b;
}

/** Runs `work` over `items`, `limit` at a time; items not started once `stopping()` holds stay undefined. */
async function mapLimit<T, R>(items: T[], limit: number, stopping: () => boolean, work: (item: T) => Promise<R>): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !stopping()) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
