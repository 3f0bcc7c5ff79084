import { Gauge } from "prom-client";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SourceStatus } from "@/lib/generated/prisma/enums";
import { DatabaseHistogram } from "./database-histogram";

// Per data source, from RequestSource (one row per source per request, written by the worker's
// collect steps): how long a collect took, where each source's rows stand, and how many requests
// in a row a source has failed for, which is what tells "Stripe is down" from one bad record.

const { DONE, FAILED } = SourceStatus;

export const collectDuration = new DatabaseHistogram(
  "portal_source_collect_duration_seconds",
  "Time one source took to collect one request's records (collects that finished).",
  [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
  () => ({
    labelName: "source",
    values: Prisma.sql`
      SELECT rs."sourceKey" AS label, EXTRACT(EPOCH FROM rs."finishedAt" - rs."startedAt")::float8 AS v
      FROM "RequestSource" rs WHERE rs."status" = ${DONE}::"SourceStatus"`,
  }),
);

export const sourceCollects = new Gauge({
  name: "portal_source_collects",
  help: "Requests' collects of each source, by status (PENDING, COLLECTING, DONE, FAILED after its retries).",
  labelNames: ["source", "status"],
  registers: [],
  async collect() {
    const rows = await db.requestSource.groupBy({ by: ["sourceKey", "status"], _count: { _all: true } });
    this.reset();
    for (const row of rows) this.set({ source: row.sourceKey, status: row.status }, row._count._all);
  },
});

export const sourceFailureStreak = new Gauge({
  name: "portal_source_consecutive_failures",
  help: "Requests in a row (the latest finished ones) for which this source failed after its retries.",
  labelNames: ["source"],
  registers: [],
  async collect() {
    const rows = await db.$queryRaw<{ source: string; streak: number }[]>`
      SELECT rs."sourceKey" AS source,
             count(*) FILTER (WHERE rs."status" = ${FAILED}::"SourceStatus"
                              AND rs."finishedAt" > COALESCE(d.last_done, '-infinity'))::int AS streak
      FROM "RequestSource" rs
      LEFT JOIN (SELECT "sourceKey", max("finishedAt") AS last_done FROM "RequestSource"
                 WHERE "status" = ${DONE}::"SourceStatus" GROUP BY 1) d ON d."sourceKey" = rs."sourceKey"
      WHERE rs."finishedAt" IS NOT NULL GROUP BY 1`;
    this.reset();
    for (const row of rows) this.set({ source: row.source }, row.streak);
  },
});
