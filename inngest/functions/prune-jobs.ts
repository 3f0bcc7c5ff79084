import { cron } from "inngest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { pruneFinishedJobs } from "@/lib/jobs/prune";
import { inngest } from "../client";

/** Daily: finished runs, steps, events, cron ticks and relayed outbox events past JOB_RETENTION_DAYS are deleted. */
export const pruneJobsCron = inngest.createFunction(
  { id: "prune-jobs", retries: 3, triggers: [cron("17 3 * * *")] },
  async ({ step }) =>
    step.run("delete-finished-jobs", () =>
      pruneFinishedJobs(db, { olderThan: new Date(Date.now() - env().JOB_RETENTION_DAYS * 24 * 3600 * 1000) }),
    ),
);
