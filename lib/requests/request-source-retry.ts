import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { enqueueEvents, withEventOutbox } from "@/lib/events/outbox";
import { RETRYABLE } from "./lifecycle";
import { isSourceFailed } from "./source-lifecycle";
import { sourceRetryEvent } from "./queue-export";
import { actorOf, DONE, NOT_FOUND, refused, type StaffCall, type StaffOutcome } from "./staff-outcome";

/**
 * Staff ask for a failed source to be collected again; the retry workflow re-collects it and
 * re-packages the archive. The request and the event are written together (the outbox).
 */
export async function requestSourceRetry(
  { actor, requestId, context }: StaffCall,
  sourceKey: string,
): Promise<StaffOutcome> {
  const request = await db.privacyRequest.findUnique({
    where: { id: requestId },
    select: { status: true, sources: { where: { sourceKey }, select: { status: true } } },
  });
  if (!request) return NOT_FOUND;
  const source = request.sources[0];
  if (!source) return NOT_FOUND;
  if (!RETRYABLE.has(request.status) || !isSourceFailed(source.status))
    return refused("Only a failed source of a failed request can be retried; this one is not failed (any more).");
  await withEventOutbox(async (tx) => {
    await appendAuditEvent(tx, {
      actor: actorOf(actor),
      action: "source.retry_requested",
      requestId,
      target: { type: "RequestSource", id: sourceKey },
      context,
    });
    await enqueueEvents(tx, [sourceRetryEvent(requestId, sourceKey)]);
  });
  return DONE;
}
