import type { AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { withEventOutbox } from "@/lib/events/outbox";
import { findDataSubjects } from "./data-subject";
import { exportRequestedEvent } from "./queue-export";
import { transitionRequest } from "./transition";

export type IdentityDecision = { decision: "APPROVED" | "REJECTED"; reason?: string };

/**
 * A reviewer's decision on a pending identity check. Approval links the data subject when the
 * email matches exactly one, and starts the export; rejection records the reason. Deciding a check
 * that is no longer pending changes nothing and returns false.
 */
export async function decideIdentityCheck(
  reviewer: { id: string; email: string },
  requestId: string,
  { decision, reason }: IdentityDecision,
  context: AuditContext = {},
): Promise<boolean> {
  const request = await db.privacyRequest.findUnique({ where: { id: requestId }, select: { user: { select: { email: true } } } });
  if (!request) return false;
  const subjects = decision === "APPROVED" ? await findDataSubjects(request.user.email) : [];
  return withEventOutbox(async (tx) => {
    const { count } = await tx.identityCheck.updateMany({
      where: { requestId, status: "PENDING" },
      data: { status: decision, reviewerId: reviewer.id, reason: reason ?? null, decidedAt: new Date() },
    });
    if (count === 0) return false;
    return transitionRequest(tx, {
      requestId,
      to: decision,
      action: decision === "APPROVED" ? "identity.approved" : "identity.rejected",
      actor: { type: "USER", id: reviewer.id, email: reviewer.email },
      context,
      data: decision === "APPROVED" ? { subjectId: subjects.length === 1 ? subjects[0]!.id : null } : { completedAt: new Date() },
      metadata: { reason: reason ?? null, matchedSubjects: subjects.length },
      events: decision === "APPROVED" ? [exportRequestedEvent(requestId)] : [],
    });
  });
}
