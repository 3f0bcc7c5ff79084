import type { Inngest } from "inngest";
import { serve } from "inngest/edge";
import type { PrismaClient } from "@/lib/db";
import { functionSlug, type JobFunction, maxAttempts } from "./functions";
import { renewLease } from "./run-queue";

// Drives one run through the Inngest SDK's own serve handler, in-process, the way the Inngest
// executor drives it over HTTP (protocol facts in BUILD-FACTS.md, checked against inngest 4.24):
// a request with stepId=step replays the stored steps and answers StepPlanned for the next
// step(s); a request with stepId=<hash> runs that step and answers StepRun (store its data),
// StepError (retry later) or StepFailed (out of attempts: store the error, which the function
// then sees thrown from its step). Status 200 is the function's return value.

type Op = { op: string; id: string; name?: string; data?: unknown; error?: unknown };
type StepResult = { type: "data"; data: unknown } | { type: "error"; error: unknown };

export type RunExecutor = (runId: string) => Promise<"completed" | "failed" | "parked">;

export type ExecutorOptions = {
  db: PrismaClient;
  client: Inngest.Any;
  functions: JobFunction[];
  owner: string;
  leaseMs: number;
  /** First retry delay; doubles per attempt (capped at a minute). */
  backoffMs: number;
  stepConcurrency?: number;
  log?: (line: string) => void;
};

const FUNCTION_ATTEMPTS = "$run";

export function createRunExecutor(options: ExecutorOptions): RunExecutor {
  const { db, client, functions, owner, leaseMs } = options;
  const handler = serve({ client, functions });
  const bySlug = new Map(functions.map((fn) => [functionSlug(fn, client.id), fn]));

  return async function executeRun(runId) {
    const heartbeat = setInterval(() => void renewLease(db, runId, owner, leaseMs).catch(() => undefined), leaseMs / 3);
    try {
      for (;;) {
        const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId }, include: { steps: { orderBy: { position: "asc" } } } });
        const fn = bySlug.get(run.functionId);
        if (!fn) return finish(runId, { error: `No function ${run.functionId} is registered with this worker.` });
        const attempts = run.attempts as Record<string, number>;
        const steps = Object.fromEntries(run.steps.map((s) => [s.stepId, s.result as StepResult]));
        const invoke = (stepId: string, attempt: number) =>
          callHandler(handler, run.functionId, stepId, {
            event: run.event,
            events: [run.event],
            steps,
            ctx: {
              run_id: run.id,
              attempt,
              fn_id: run.functionId,
              max_attempts: maxAttempts(fn),
              // Steps are only ever run by an explicit request for them, so each carries its own attempt.
              disable_immediate_execution: true,
              stack: { stack: run.steps.map((s) => s.stepId), current: run.steps.length },
            },
            version: 2,
            use_api: false,
          });

        const reply = await invoke("step", attempts[FUNCTION_ATTEMPTS] ?? 0);
        if (reply.status === 200) return finish(runId, { output: reply.body });
        if (reply.status !== 206 || !Array.isArray(reply.body)) {
          // The function body itself threw (outside any step): retry it like a step.
          const attempt = (attempts[FUNCTION_ATTEMPTS] ?? 0) + 1;
          if (attempt >= maxAttempts(fn)) return finish(runId, { error: describe(reply.body) });
          return park(runId, { ...attempts, [FUNCTION_ATTEMPTS]: attempt }, attempt);
        }
        const ops = reply.body as Op[];
        const complete = ops.find((op) => op.op === "RunComplete");
        if (complete) return finish(runId, { output: complete.data });
        const planned = ops.filter((op) => op.op === "StepPlanned");
        if (planned.length === 0 || planned.length !== ops.length) {
          return finish(runId, { error: `The embedded runner does not support ${ops.map((op) => op.op).join(", ")}.` });
        }

        const outcomes = await mapLimit(planned, options.stepConcurrency ?? 4, async (op) => {
          const result = await invoke(op.id, attempts[op.id] ?? 0);
          const [done] = Array.isArray(result.body) ? (result.body as Op[]) : [];
          return { op, done };
        });
        let retryAttempt = 0;
        const nextAttempts = { ...attempts };
        for (const { op, done } of outcomes) {
          if (done?.op === "StepRun") await storeStep(runId, op.id, { type: "data", data: done.data ?? null });
          else if (done?.op === "StepFailed") await storeStep(runId, op.id, { type: "error", error: done.error });
          else {
            nextAttempts[op.id] = (attempts[op.id] ?? 0) + 1;
            retryAttempt = Math.max(retryAttempt, nextAttempts[op.id]!);
            options.log?.(`step ${op.name ?? op.id} of ${run.functionId} failed (attempt ${nextAttempts[op.id]}): ${describe(done?.error)}`);
          }
        }
        if (retryAttempt > 0) return park(runId, nextAttempts, retryAttempt);
      }
    } finally {
      clearInterval(heartbeat);
    }
  };

  async function storeStep(runId: string, stepId: string, result: StepResult) {
    // Appended in completion order: that order is the stack the SDK replays.
    await db.$executeRaw`
      INSERT INTO "JobStep" ("runId", "stepId", result, position)
      VALUES (${runId}, ${stepId}, ${JSON.stringify(result)}::jsonb, (SELECT count(*) FROM "JobStep" WHERE "runId" = ${runId}))
      ON CONFLICT DO NOTHING`;
  }

  async function park(runId: string, attempts: Record<string, number>, attempt: number) {
    const delay = Math.min(options.backoffMs * 2 ** (attempt - 1), 60_000);
    await db.jobRun.update({
      where: { id: runId },
      data: { attempts, runAfter: new Date(Date.now() + delay), leaseOwner: null, leaseExpiresAt: null },
    });
    return "parked" as const;
  }

  async function finish(runId: string, result: { output?: unknown; error?: string }) {
    await db.jobRun.update({
      where: { id: runId },
      data: {
        status: result.error ? "FAILED" : "COMPLETED",
        output: (result.output ?? undefined) as object | undefined,
        error: result.error ?? null,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (result.error) options.log?.(`run ${runId} failed: ${result.error}`);
    return result.error ? ("failed" as const) : ("completed" as const);
  }
}

async function callHandler(handler: (request: Request) => Promise<Response>, fnId: string, stepId: string, body: unknown) {
  const url = `http://embedded.invalid/api/inngest?${new URLSearchParams({ fnId, stepId })}`;
  const response = await handler(
    new Request(url, { method: "POST", headers: { host: "embedded.invalid", "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: response.status, body: parsed };
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return typeof error === "string" ? error.slice(0, 500) : JSON.stringify(error)?.slice(0, 500) ?? "unknown error";
}

async function mapLimit<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
