import { appendAuditEvent, type AuditAction, type AuditActor, type AuditContext } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

export const WORKFLOW_ACTOR: AuditActor = { type: "SYSTEM", name: "export-workflow" };

/**
 * Moves a request from one of `from` to `to` and writes the audit event in the same
 * transaction. Returns false (and writes nothing) when the request is not in one of `from`,
 * so a replayed workflow step is a no-op instead of a second transition.
 */
export async function transitionRequest(
  tx: Tx,
  input: {
    requestId: string;
    from: RequestStatus[];
    to: RequestStatus;
    action: AuditAction;
    actor?: AuditActor;
    context?: AuditContext;
    data?: Prisma.PrivacyRequestUpdateManyMutationInput;
    metadata?: Record<string, unknown>;
  },
): Promise<boolean> {
  const { count } = await tx.privacyRequest.updateMany({
    where: { id: input.requestId, status: { in: input.from } },
    data: { ...input.data, status: input.to },
  });
  if (count === 0) return false;
  await appendAuditEvent(tx, {
    actor: input.actor ?? WORKFLOW_ACTOR,
    action: input.action,
    requestId: input.requestId,
    context: input.context,
    metadata: { to: input.to, ...input.metadata },
  });
  return true;
}
