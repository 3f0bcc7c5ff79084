import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { RequestStatus, SourceStatus } from "@/lib/generated/prisma/enums";
import { describeFailure } from "./collect-source";
import { transitionSource } from "./source-transition";
import { moveToCollecting } from "./start-collection";
import { transitionRequest, WORKFLOW_ACTOR } from "./transition";

/**
 * After the last retry: the source is FAILED with its error and the request FAILED, so staff see
 * it in the queue and can retry just that source. A replay (the source already FAILED) writes nothing.
 */
export async function failSource(requestId: string, sourceKey: string, error: unknown): Promise<void> {
  const message = describeFailure(error);
  await db.$transaction(async (tx) => {
    const failed = await transitionSource(tx, {
      requestId,
      sourceKey,
      to: SourceStatus.FAILED,
      data: { error: message, finishedAt: new Date() },
    });
    if (!failed) return;
    await appendAuditEvent(tx, {
      actor: WORKFLOW_ACTOR,
      action: "source.failed",
      requestId,
      target: { type: "RequestSource", id: sourceKey },
      metadata: { error: message },
    });
    await transitionRequest(tx, {
      requestId,
      from: [RequestStatus.COLLECTING, RequestStatus.PACKAGING],
      to: RequestStatus.FAILED,
      action: "request.failed",
      data: { failureReason: `The source "${sourceKey}" could not be collected: ${message}` },
      metadata: { source: sourceKey },
    });
  });
}

/** Staff asked to retry one failed source: it goes back to PENDING and the request to COLLECTING. */
export async function reopenSource(requestId: string, sourceKey: string): Promise<boolean> {
  return db
    .$transaction(async (tx) => {
      const reopened = await transitionSource(tx, {
        requestId,
        sourceKey,
        to: SourceStatus.PENDING,
        data: { error: null, attempts: 0 },
      });
      if (!reopened) return false;
      // Both move or neither: a request cancelled since the retry was asked for keeps its failed source.
      if (!(await moveToCollecting(tx, { requestId, metadata: { retriedSource: sourceKey } })))
        throw new RequestNotRetryable();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof RequestNotRetryable) return false;
      throw error;
    });
}

/** Rolls the source's reopening back when its request may no longer be collected. */
class RequestNotRetryable extends Error {}
