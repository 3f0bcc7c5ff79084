import { cron } from "inngest";
import { writeAuditCheckpoint } from "@/lib/audit/checkpoint";
import { db } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import { inngest } from "../client";

/**
 * Every hour (the brief asks for at least daily): the audit chain's head, signed, into the archive
 * store, so a chain rewritten inside the database no longer matches (lib/audit/checkpoint.ts).
 */
export const auditCheckpointCron = inngest.createFunction(
  { id: "audit-checkpoint", retries: 3, triggers: [cron("17 * * * *")] },
  async ({ step }) =>
    step.run("sign-audit-checkpoint", async () => {
      const checkpoint = await writeAuditCheckpoint(db, getBlobStore());
      return checkpoint
        ? { headEventId: checkpoint.headEventId, eventCount: checkpoint.eventCount }
        : { headEventId: null, eventCount: 0 };
    }),
);
