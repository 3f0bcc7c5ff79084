import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { describeFailure } from "./collect-source";
import { transitionRequest, WORKFLOW_ACTOR } from "./transition";

/**
 * After the last retry: the source is FAILED with its error and the request FAILED, so staff see
 * it in the queue and can retry just that source.
 */
export async function failSource(requestId: string, sourceKey: string, error: unknown): Promise<void> {
  const message = describeFailure(error);
  await db.$transaction(async (tx) => {
    await tx.requestSource.update({
      where: { requestId_sourceKey: { requestId, sourceKey } },
      data: { status: "FAILED", error: message, finishedAt: new Date() },
    });
    await appendAuditEvent(tx, {
      actor: WORKFLOW_ACTOR,
      action: "source.failed",
      requestId,
      target: { type: "RequestSource", id: sourceKey },
      metadata: { error: message },
    });
    await transitionRequest(tx, {
      requestId,
      from: ["COLLECTING", "PACKAGING"],
      to: "FAILED",
      action: "request.failed",
      data: { failureReason: `The source "${sourceKey}" could not be collected: ${message}` },
      metadata: { source: sourceKey },
    });
  });
}

/** Staff asked to retry one failed source: it goes back to PENDING and the request to COLLECTING. */
export async function reopenSource(requestId: string, sourceKey: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.requestSource.updateMany({
      where: { requestId, sourceKey, status: "FAILED" },
      data: { status: "PENDING", error: null, attempts: 0 },
    });
    if (count === 0) return false;
    await transitionRequest(tx, {
      requestId,
      from: ["FAILED"],
      to: "COLLECTING",
      action: "request.collecting",
      data: { failureReason: null },
      metadata: { retriedSource: sourceKey },
    });
    return true;
  });
}
