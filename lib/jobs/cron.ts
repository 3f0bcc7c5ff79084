import { CronExpressionParser } from "cron-parser";
import type { PrismaClient } from "@/lib/db";
import type { JobCatalog } from "./functions";

// Cron triggers, embedded. Every worker checks every schedule on each tick; the (function, tick)
// primary key of JobCronTick lets exactly one of them record a tick, and only the worker whose
// insert landed starts the run, in the same transaction. A tick missed while no worker was
// running fires once when one starts (only the latest: missed ticks are not replayed one by one).

/** Inngest's event for a scheduled run (`inngest/scheduled.timer`, data.cron = the schedule). */
export const SCHEDULED_EVENT = "inngest/scheduled.timer";

/** What a worker knows of each schedule: its latest tick, settled, and when the next one is due. */
export type CronTicksSeen = Map<string, { tickAt: number; nextAt: number }>;

/**
 * Starts the run of each schedule's latest tick unless some worker already did. `seen` (one per
 * worker) remembers ticks already settled, so a worker that ticks on every finished step asks the
 * database only when a schedule's tick changes, and parses the schedule only then too.
 */
export async function fireCronTicks(
  db: PrismaClient,
  catalog: JobCatalog,
  now = new Date(),
  seen: CronTicksSeen = new Map(),
): Promise<number> {
  let fired = 0;
  for (const job of catalog.values()) {
    for (const schedule of job.crons) {
      const key = `${job.id} ${schedule}`;
      const known = seen.get(key);
      if (known && now.getTime() >= known.tickAt && now.getTime() < known.nextAt) continue;
      // prev() answers the last tick strictly before currentDate; +1 ms counts a tick due exactly now.
      // From there, next() is the first tick after now.
      const ticks = CronExpressionParser.parse(schedule, { currentDate: new Date(now.getTime() + 1), tz: "UTC" });
      const tickAt = ticks.prev().toDate();
      const nextAt = ticks.next().getTime();
      if (known?.tickAt !== tickAt.getTime()) {
        await db.$transaction(async (tx) => {
          const inserted = await tx.$executeRaw`
            INSERT INTO "JobCronTick" ("functionId", "tickAt") VALUES (${job.id}, ${tickAt}) ON CONFLICT DO NOTHING`;
          if (inserted === 0) return;
          const eventId = `cron:${job.id}:${tickAt.toISOString()}`;
          const event = { id: eventId, name: SCHEDULED_EVENT, data: { cron: schedule }, ts: tickAt.getTime() };
          await tx.jobRun.createMany({ data: [{ functionId: job.id, eventId, event }], skipDuplicates: true });
          fired += 1;
        });
      }
      seen.set(key, { tickAt: tickAt.getTime(), nextAt });
    }
  }
  return fired;
}
