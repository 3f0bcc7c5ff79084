import { functions } from "@/inngest/functions";
import { inngest } from "@/inngest/client";
import { db } from "@/lib/db";
import { drainJobs } from "@/lib/jobs/worker";
import { queueExport } from "@/lib/requests/queue-export";
import { createApprovedRequest } from "./factories";

/** Runs the embedded worker's queue until it is empty (a minute at most). */
export const drainWorkflows = () => drainJobs({ db, client: inngest, functions, backoffMs: 5 }, 60_000);

/**
 * An approved request of `email`'s, exported by the real workflow to wherever it stops (READY,
 * RELEASE_REVIEW, FAILED), with its archives and Art. 15(4) findings.
 */
export async function exportApprovedRequest(email: string, options: Parameters<typeof createApprovedRequest>[1]) {
  const request = await createApprovedRequest(email, options);
  await queueExport(request.id);
  await drainWorkflows();
  return db.privacyRequest.findUniqueOrThrow({
    where: { id: request.id },
    include: { archives: true, disclosureFindings: true },
  });
}
