import { Gauge } from "prom-client";
import { db } from "@/lib/db";
import type { JobRunStatus } from "@/lib/generated/prisma/enums";

// The embedded worker's queue (lib/jobs, JobRun) and the two outboxes that feed workflows, read
// at scrape time. On Inngest the runs live in Inngest (its own dashboard shows them) and these
// job gauges stay at 0; the Inngest outbox (OutboxEvent) is ours in both modes.

const QUEUED: JobRunStatus = "QUEUED";

export const jobRuns = new Gauge({
  name: "portal_jobs",
  help:
    "Embedded workflow runs not finished: queued (waiting for a worker), running (a worker holds a live lease), " +
    "retrying (a step failed and waits for its backoff).",
  labelNames: ["state"],
  registers: [],
  async collect() {
    // A run is QUEUED until it ends; a live lease means a worker is on it (lib/jobs/run-store.ts),
    // and failed attempts recorded without a lease mean it waits to try again.
    const [row] = await db.$queryRaw<{ running: number; retrying: number; queued: number }[]>`
      SELECT count(*) FILTER (WHERE leased)::int AS running,
             count(*) FILTER (WHERE NOT leased AND attempts <> '{}'::jsonb)::int AS retrying,
             count(*) FILTER (WHERE NOT leased AND attempts = '{}'::jsonb)::int AS queued
      FROM (SELECT attempts, COALESCE("leaseExpiresAt" > now(), false) AS leased
            FROM "JobRun" WHERE status = ${QUEUED}::"JobRunStatus") runs`;
    for (const state of ["queued", "running", "retrying"] as const) this.set({ state }, row?.[state] ?? 0);
  },
});

export const outboxLag = new Gauge({
  name: "portal_outbox_lag_seconds",
  help:
    "Age of the oldest event not yet handed on: 'inngest' (OutboxEvent not sent to Inngest), " +
    "'embedded' (JobEvent no worker has dispatched); 0 when none waits.",
  labelNames: ["outbox"],
  registers: [],
  async collect() {
    const [row] = await db.$queryRaw<{ inngest: number | null; embedded: number | null }[]>`
      SELECT (SELECT EXTRACT(EPOCH FROM now() - min("createdAt"))
                FROM "OutboxEvent" WHERE "sentAt" IS NULL)::float8 AS inngest,
             (SELECT EXTRACT(EPOCH FROM now() - min("receivedAt"))
                FROM "JobEvent" WHERE "dispatchedAt" IS NULL)::float8 AS embedded`;
    this.set({ outbox: "inngest" }, Math.max(0, row?.inngest ?? 0));
    this.set({ outbox: "embedded" }, Math.max(0, row?.embedded ?? 0));
  },
});
