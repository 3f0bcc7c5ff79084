import { requestApproved, sourceRetryRequested } from "@/lib/events/definitions";
import { enqueueEvents, withEventOutbox } from "@/lib/events/outbox";

// The workflow events, made in one place so that every sender gives them the same ids: Inngest
// (and the embedded runner) start one run per event id, so approving twice exports once.

export const exportRequestedEvent = (requestId: string) =>
  requestApproved.create({ requestId }, { id: `request-approved/${requestId}` });

/** Each retry is its own run: the id carries the moment it was asked for. */
export const sourceRetryEvent = (requestId: string, sourceKey: string, askedAt = new Date()) =>
  sourceRetryRequested.create(
    { requestId, sourceKey },
    { id: `source-retry/${requestId}/${sourceKey}/${askedAt.getTime()}` },
  );

/** Starts the export workflow for an approved request (Inngest, or the embedded worker). */
export function queueExport(requestId: string): Promise<void> {
  return withEventOutbox((tx) => enqueueEvents(tx, [exportRequestedEvent(requestId)]));
}

/** Re-collects one failed source and re-packages the archive. */
export function queueSourceRetry(requestId: string, sourceKey: string): Promise<void> {
  return withEventOutbox((tx) => enqueueEvents(tx, [sourceRetryEvent(requestId, sourceKey)]));
}
