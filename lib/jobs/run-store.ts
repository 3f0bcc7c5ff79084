import type { PrismaClient } from "@/lib/db";
import type { StepResult } from "./serve-protocol";

// Reads and writes of one run on behalf of the worker that holds its lease. Every write checks
// the lease is still ours, so a worker that stalled past its lease (and was replaced) cannot
// overwrite the newer holder's progress.

export type StoredRun = {
  id: string;
  functionId: string;
  event: unknown;
  /** Failed attempts so far, per hashed step id, and for the function body under FUNCTION_BODY. */
  attempts: Record<string, number>;
  steps: Record<string, StepResult>;
  /** Step ids in the order they completed: the stack the SDK replays. */
  stack: string[];
};

export const FUNCTION_BODY = "$run";

export type RunEnd = { output: unknown } | { error: string };

export function createRunStore(db: PrismaClient, owner: string) {
  return {
    async load(runId: string): Promise<StoredRun> {
      const run = await db.jobRun.findUniqueOrThrow({
        where: { id: runId },
        include: { steps: { orderBy: { position: "asc" } } },
      });
      return {
        id: run.id,
        functionId: run.functionId,
        event: run.event,
        attempts: run.attempts as Record<string, number>,
        steps: Object.fromEntries(run.steps.map((s) => [s.stepId, s.result as StepResult])),
        stack: run.steps.map((s) => s.stepId),
      };
    },

    /** Stores a step's outcome before the run goes on; a step already stored keeps its first result. */
    async storeStep(runId: string, stepId: string, result: StepResult): Promise<void> {
      await db.$executeRaw`
        INSERT INTO "JobStep" ("runId", "stepId", result, position)
        SELECT ${runId}, ${stepId}, ${JSON.stringify(result)}::jsonb,
               (SELECT count(*) FROM "JobStep" WHERE "runId" = ${runId})
         WHERE EXISTS (SELECT 1 FROM "JobRun" WHERE id = ${runId} AND "leaseOwner" = ${owner})
        ON CONFLICT DO NOTHING`;
    },

    async saveAttempts(runId: string, attempts: Record<string, number>): Promise<void> {
      await db.jobRun.updateMany({ where: { id: runId, leaseOwner: owner }, data: { attempts } });
    },

    /** Gives the run back to the queue, to run again at `runAfter` (a retry's backoff, a sleep's end). */
    async park(runId: string, attempts: Record<string, number>, runAfter: Date): Promise<void> {
      await db.jobRun.updateMany({
        where: { id: runId, leaseOwner: owner },
        data: { attempts, runAfter, leaseOwner: null, leaseExpiresAt: null },
      });
    },

    /** Gives the run back to the queue at once, for another worker (this one is stopping). */
    async release(runId: string): Promise<void> {
      await db.jobRun.updateMany({
        where: { id: runId, leaseOwner: owner },
        data: { leaseOwner: null, leaseExpiresAt: null },
      });
    },

    async finish(runId: string, end: RunEnd): Promise<void> {
      const failed = "error" in end;
      await db.jobRun.updateMany({
        where: { id: runId, leaseOwner: owner },
        data: {
          status: failed ? "FAILED" : "COMPLETED",
          // Prisma stores a JSON null for `null`; a function that returned nothing has no output.
          output: failed || end.output === null || end.output === undefined ? undefined : (end.output as object),
          error: failed ? end.error : null,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      });
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
