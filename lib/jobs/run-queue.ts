import { CronExpressionParser } from "cron-parser";
import type { PrismaClient } from "@/lib/db";
import { cronSchedules, eventNames, functionSlug, type JobFunction } from "./functions";

// The durable part of the embedded runner: turning events and schedules into runs, and leasing
// runs to workers. A lease that is not renewed (the worker died) expires and the run is picked up
// again; FOR UPDATE SKIP LOCKED keeps two workers from claiming the same run.

/** One JobRun per function an undispatched event triggers; the unique (function, event) key makes it once. */
export async function dispatchEvents(db: PrismaClient, functions: JobFunction[], appId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: string; name: string; data: unknown; receivedAt: Date }[]>`
      SELECT id, name, data, "receivedAt" FROM "JobEvent" WHERE "dispatchedAt" IS NULL
       ORDER BY "receivedAt" LIMIT 100 FOR UPDATE SKIP LOCKED`;
    for (const event of events) {
      const payload = { id: event.id, name: event.name, data: event.data, ts: event.receivedAt.getTime() };
      const runs = functions
        .filter((fn) => eventNames(fn).includes(event.name))
        .map((fn) => ({ functionId: functionSlug(fn, appId), eventId: event.id, event: payload as object }));
      if (runs.length > 0) await tx.jobRun.createMany({ data: runs, skipDuplicates: true });
      await tx.jobEvent.update({ where: { id: event.id }, data: { dispatchedAt: new Date() } });
    }
    return events.length;
  });
}

/** Starts the run for each schedule's latest tick, once, however many workers are running. */
export async function fireCronTicks(db: PrismaClient, functions: JobFunction[], appId: string, now = new Date()): Promise<void> {
  for (const fn of functions) {
    for (const schedule of cronSchedules(fn)) {
      // prev() is strictly before currentDate; a tick due exactly now counts as fired now.
      const tickAt = CronExpressionParser.parse(schedule, { currentDate: new Date(now.getTime() + 1000), tz: "UTC" }).prev().toDate();
      const functionId = functionSlug(fn, appId);
      await db.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO "JobCronTick" ("functionId", "tickAt") VALUES (${functionId}, ${tickAt}) ON CONFLICT DO NOTHING`;
        if (inserted === 0) return;
        const eventId = `cron:${functionId}:${tickAt.toISOString()}`;
        const event = { id: eventId, name: "inngest/scheduled.timer", data: { cron: schedule }, ts: tickAt.getTime() };
        await tx.jobRun.createMany({ data: [{ functionId, eventId, event }], skipDuplicates: true });
      });
    }
  }
}

/** Leases the next runnable run to `owner`, or returns null. */
export async function claimRun(db: PrismaClient, owner: string, leaseMs: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "JobRun" SET "leaseOwner" = ${owner}, "leaseExpiresAt" = now() + ${leaseMs} * interval '1 millisecond'
     WHERE id = (SELECT id FROM "JobRun"
                  WHERE status = 'QUEUED' AND "runAfter" <= now()
                    AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < now())
                  ORDER BY "runAfter" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows[0]?.id ?? null;
}

export async function renewLease(db: PrismaClient, runId: string, owner: string, leaseMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "JobRun" SET "leaseExpiresAt" = now() + ${leaseMs} * interval '1 millisecond'
     WHERE id = ${runId} AND "leaseOwner" = ${owner}`;
}

/** Whether anything is waiting to run now (for tests that run the queue until it is idle). */
export async function hasPendingWork(db: PrismaClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "JobEvent" WHERE "dispatchedAt" IS NULL)
        OR EXISTS (SELECT 1 FROM "JobRun" WHERE status = 'QUEUED') AS pending`;
  return row?.pending ?? false;
}
