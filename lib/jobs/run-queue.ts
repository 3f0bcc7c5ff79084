import type { PrismaClient } from "@/lib/db";
import type { JobCatalog } from "./functions";

// The durable queue of the embedded runner: turning stored events into runs, and leasing runs to
// workers. A lease that is not renewed (its worker died) expires and the run is claimed again;
// FOR UPDATE SKIP LOCKED keeps two workers from claiming the same run at the same moment.

/** One JobRun per function an undispatched event triggers; the unique (function, event) key makes it once. */
export async function dispatchEvents(db: PrismaClient, catalog: JobCatalog): Promise<number> {
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: string; name: string; data: unknown; receivedAt: Date }[]>`
      SELECT id, name, data, "receivedAt" FROM "JobEvent" WHERE "dispatchedAt" IS NULL
       ORDER BY "receivedAt" LIMIT 100 FOR UPDATE SKIP LOCKED`;
    for (const event of events) {
      // The event as Inngest hands it to a function: id, name, data and ts in epoch milliseconds.
      const payload = { id: event.id, name: event.name, data: event.data, ts: event.receivedAt.getTime() };
      const runs = [...catalog.values()]
        .filter((job) => job.events.includes(event.name))
        .map((job) => ({ functionId: job.id, eventId: event.id, event: payload as object }));
      if (runs.length > 0) await tx.jobRun.createMany({ data: runs, skipDuplicates: true });
    }
    if (events.length > 0) {
      await tx.jobEvent.updateMany({
        where: { id: { in: events.map((e) => e.id) } },
        data: { dispatchedAt: new Date() },
      });
    }
    return events.length;
  });
}

/** Leases the next due run to `owner`, or returns null when none is due. */
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

/** Extends `owner`'s lease; false when the lease is no longer theirs (it expired and was taken). */
export async function renewLease(db: PrismaClient, runId: string, owner: string, leaseMs: number): Promise<boolean> {
  const renewed = await db.$executeRaw`
    UPDATE "JobRun" SET "leaseExpiresAt" = now() + ${leaseMs} * interval '1 millisecond'
     WHERE id = ${runId} AND "leaseOwner" = ${owner} AND status = 'QUEUED'`;
  return renewed > 0;
}

/** Whether anything is still to do: an event to dispatch or a run that has not finished. */
export async function hasPendingWork(db: PrismaClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "JobEvent" WHERE "dispatchedAt" IS NULL)
        OR EXISTS (SELECT 1 FROM "JobRun" WHERE status = 'QUEUED') AS pending`;
  return row?.pending ?? false;
}
