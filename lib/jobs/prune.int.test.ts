import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pruneFinishedJobs } from "./prune";

// The cleanup job deletes what is finished and old, and nothing a worker may still need.

const DAY = 24 * 3600 * 1000;
const old = new Date(Date.now() - 30 * DAY);
const recent = new Date(Date.now() - DAY);
const cutoff = new Date(Date.now() - 14 * DAY);

async function run(id: string, status: "QUEUED" | "COMPLETED" | "FAILED", finishedAt: Date, steps = 0) {
  await db.jobRun.create({ data: { id, functionId: "prune-test", eventId: id, event: {}, status } });
  await db.$executeRaw`UPDATE "JobRun" SET "updatedAt" = ${finishedAt} WHERE id = ${id}`;
  for (let position = 0; position < steps; position += 1) {
    await db.jobStep.create({
      data: { runId: id, stepId: `s${position}`, result: { type: "data", data: position }, position },
    });
  }
}

describe("pruneFinishedJobs", () => {
  it("deletes finished runs with their steps, dispatched events, cron ticks and sent outbox events older than the cutoff, in batches", async () => {
    for (const i of [1, 2, 3]) await run(`old-done-${i}`, "COMPLETED", old, 2);
    await run("old-failed", "FAILED", old, 1);
    await run("old-queued", "QUEUED", old, 1); // a run parked for a long retry or sleep: still needed
    await run("recent-done", "COMPLETED", recent, 1);
    await db.jobEvent.createMany({
      data: [
        { id: "event-old", name: "t", data: {}, receivedAt: old, dispatchedAt: old },
        { id: "event-undispatched", name: "t", data: {}, receivedAt: old },
        { id: "event-recent", name: "t", data: {}, receivedAt: recent, dispatchedAt: recent },
      ],
    });
    await db.jobCronTick.createMany({
      data: [
        { functionId: "a", tickAt: old },
        { functionId: "b", tickAt: old },
        { functionId: "a", tickAt: recent },
      ],
    });
    await db.outboxEvent.createMany({
      data: [
        { id: "outbox-sent", name: "t", data: {}, createdAt: old, sentAt: old },
        { id: "outbox-unsent", name: "t", data: {}, createdAt: old },
        { id: "outbox-recent", name: "t", data: {}, createdAt: recent, sentAt: recent },
      ],
    });

    const counts = await pruneFinishedJobs(db, { olderThan: cutoff, batchSize: 2 });

    expect(counts).toEqual({ runs: 4, events: 1, cronTicks: 2, outboxEvents: 1 });
    expect((await db.jobRun.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual([
      "old-queued",
      "recent-done",
    ]);
    expect((await db.jobStep.findMany({ select: { runId: true } })).map((s) => s.runId).sort()).toEqual([
      "old-queued",
      "recent-done",
    ]);
    expect((await db.jobEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id)).toEqual([
      "event-recent",
      "event-undispatched",
    ]);
    expect(await db.jobCronTick.findMany({ select: { functionId: true, tickAt: true } })).toEqual([
      { functionId: "a", tickAt: recent },
    ]);
    expect((await db.outboxEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id)).toEqual([
      "outbox-recent",
      "outbox-unsent",
    ]);
  });

  it("finds what it deletes through an index", async () => {
    const plans = await db.$transaction(async (tx) => {
      // One connection, table scans ruled out: the plan names the index if the query can use one.
      await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
      const plan = (sql: string) =>
        tx.$queryRawUnsafe(`EXPLAIN (FORMAT JSON) ${sql}`).then((rows) => JSON.stringify(rows));
      return [
        await plan(`SELECT id FROM "JobRun" WHERE status IN ('COMPLETED', 'FAILED') AND "updatedAt" < now() LIMIT 10`),
        await plan(`SELECT "functionId" FROM "JobCronTick" WHERE "tickAt" < now() LIMIT 10`),
      ];
    });
    expect(plans[0]).toContain("JobRun_status_updatedAt_idx");
    expect(plans[1]).toContain("JobCronTick_tickAt_idx");
  });
});
