import type { PrismaClient } from "@/lib/db";

// Housekeeping of the workflow tables: finished runs (their steps go with them, ON DELETE
// CASCADE), dispatched events, cron ticks and relayed outbox events are deleted once they are
// older than the retention period. Each table is emptied in small batches, each its own
// statement, so no delete holds locks for long or blocks the worker; every batch selects its
// rows through an index ("JobRun"(status, "updatedAt"), "JobEvent"("dispatchedAt", …),
// "JobCronTick"("tickAt"), "OutboxEvent"("sentAt", …)).

export type PruneCounts = { runs: number; events: number; cronTicks: number; outboxEvents: number };

export async function pruneFinishedJobs(
  db: PrismaClient,
  options: { olderThan: Date; batchSize?: number },
): Promise<PruneCounts> {
  const { olderThan } = options;
  const batch = options.batchSize ?? 1_000;
  const inBatches = async (deleteBatch: () => Promise<number>) => {
    let total = 0;
    for (;;) {
      const deleted = await deleteBatch();
      total += deleted;
      if (deleted < batch) return total;
    }
  };
  return {
    runs: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "JobRun" WHERE id IN (
          SELECT id FROM "JobRun"
           WHERE status IN ('COMPLETED', 'FAILED') AND "updatedAt" < ${olderThan}
           LIMIT ${batch})`,
    ),
    // An event is kept while it may still be delivered again: its id is what makes a second
    // delivery start no second run (run-queue.ts), so it lives as long as the runs it started.
    events: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "JobEvent" WHERE id IN (
          SELECT id FROM "JobEvent" WHERE "dispatchedAt" < ${olderThan} LIMIT ${batch})`,
    ),
    cronTicks: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "JobCronTick" WHERE ("functionId", "tickAt") IN (
          SELECT "functionId", "tickAt" FROM "JobCronTick" WHERE "tickAt" < ${olderThan} LIMIT ${batch})`,
    ),
    outboxEvents: await inBatches(
      () => db.$executeRaw`
        DELETE FROM "OutboxEvent" WHERE id IN (
          SELECT id FROM "OutboxEvent" WHERE "sentAt" < ${olderThan} LIMIT ${batch})`,
    ),
  };
}
