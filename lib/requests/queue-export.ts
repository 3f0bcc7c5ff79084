import { inngest } from "@/inngest/client";
import { requestApproved, sourceRetryRequested } from "@/inngest/events";

/** Starts the export workflow for an approved request (Inngest, or the embedded worker). */
export async function queueExport(requestId: string): Promise<void> {
  await inngest.send(requestApproved.create({ requestId }));
}

/** Re-collects one failed source and re-packages the archive. */
export async function queueSourceRetry(requestId: string, sourceKey: string): Promise<void> {
  await inngest.send(sourceRetryRequested.create({ requestId, sourceKey }));
}
