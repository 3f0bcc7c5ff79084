import { appendAuditEvent, type AuditAction, type AuditActor, type AuditContext } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { enqueueEvents } from "@/lib/events/outbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { canTransition, statusesLeadingTo } from "./lifecycle";

export const WORKFLOW_ACTOR: AuditActor = { type: "SYSTEM", name: "export-workflow" };

type TransitionEvent = Parameters<typeof enqueueEvents>[1][number];

/**
 * Moves a request to `to` and, in the same transaction, writes its audit event and the events it
 * sets in motion (the outbox). `from` narrows the lifecycle's allowed sources (a customer may
 * cancel fewer requests than staff); by default every status that may move to `to` is accepted.
 * Returns false, writing nothing, when the request is not in one of them: a replayed workflow step
 * or a second concurrent decision is a no-op instead of a second transition.
 */
export async function transitionRequest(
  tx: Tx,
  input: {
    requestId: string;
    to: RequestStatus;
    from?: Iterable<RequestStatus>;
    action: AuditAction;
    actor?: AuditActor;
    context?: AuditContext;
    data?: Prisma.PrivacyRequestUpdateManyMutationInput;
    metadata?: Record<string, unknown>;
    events?: TransitionEvent[];
  },
): Promise<boolean> {
  const from = input.from ? [...input.from] : statusesLeadingTo(input.to);
  const illegal = from.filter((status) => !canTransition(status, input.to));
  if (illegal.length > 0) throw new Error(`The lifecycle has no move from ${illegal.join(", ")} to ${input.to}.`);
  const { count } = await tx.privacyRequest.updateMany({
    where: { id: input.requestId, status: { in: from } },
    data: { ...input.data, status: input.to },
  });
  if (count === 0) return false;
  await enqueueEvents(tx, input.events ?? []);
  // After the other writes: the audit chain's lock is held from the append until commit.
  await appendAuditEvent(tx, {
    actor: input.actor ?? WORKFLOW_ACTOR,
    action: input.action,
    requestId: input.requestId,
    context: input.context,
    metadata: { to: input.to, ...input.metadata },
  });
  return true;
}
