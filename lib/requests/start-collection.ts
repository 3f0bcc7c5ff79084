import { db, type Tx } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { selectSources } from "@/lib/sources/registry";
import { isTerminal } from "./lifecycle";
import { transitionRequest } from "./transition";

export class RequestNotApprovedError extends Error {
  override name = "RequestNotApprovedError";
}

/**
 * APPROVED → COLLECTING, with one PENDING RequestSource per source to collect. Replaying it
 * (a resumed workflow) returns the same plan and changes nothing.
 */
export async function startCollection(requestId: string): Promise<{ sourceKeys: string[]; skipped?: string }> {
  return db.$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true, reference: true, sourceKeys: true, sources: { select: { sourceKey: true } } },
    });
    if (request.status !== RequestStatus.APPROVED) {
      if (request.sources.length > 0) return { sourceKeys: request.sources.map((s) => s.sourceKey) };
      // Withdrawn (or rejected) between approval and the workflow starting: nothing to export.
      if (isTerminal(request.status)) return { sourceKeys: [], skipped: request.status };
      throw new RequestNotApprovedError(
        `Request ${request.reference} is ${request.status}; only approved requests are exported.`,
      );
    }
    const sourceKeys = selectSources(request.sourceKeys).map((source) => source.key);
    await tx.requestSource.createMany({
      data: sourceKeys.map((sourceKey) => ({ requestId, sourceKey })),
      skipDuplicates: true,
    });
    await moveToCollecting(tx, { requestId, metadata: { sources: sourceKeys } });
    return { sourceKeys };
  });
}

/**
 * The request's move to COLLECTING, from APPROVED (its collection starts) or FAILED (staff retry a
 * failed source, fail-source.ts): the lifecycle's two ways in. A stale failure reason is cleared.
 */
export function moveToCollecting(
  tx: Tx,
  input: { requestId: string; metadata: Record<string, unknown> },
): Promise<boolean> {
  return transitionRequest(tx, {
    requestId: input.requestId,
    to: RequestStatus.COLLECTING,
    action: "request.collecting",
    data: { failureReason: null },
    metadata: input.metadata,
  });
}
