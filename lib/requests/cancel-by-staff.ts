import { customerNoticeRequested } from "@/lib/events/definitions";
import { db } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { forgetFindingPassages } from "@/lib/disclosure/forget-passages";
import { withEventOutbox } from "@/lib/events/outbox";
import { CANCELLABLE_BY_STAFF } from "./lifecycle";
import { actorOf, DONE, fourEyesRefusal, NOT_FOUND, refused, type StaffCall, type StaffOutcome } from "./staff-outcome";
import { transitionRequest } from "./transition";

/** Staff close a request for a reason (a duplicate, a withdrawn request by phone); the customer is emailed why. */
export async function cancelRequestByStaff(
  { actor, requestId, context }: StaffCall,
  reason: string,
): Promise<StaffOutcome> {
  const request = await db.privacyRequest.findUnique({
    where: { id: requestId },
    select: { userId: true, mandate: { select: { subjectEmail: true } } },
  });
  if (!request) return NOT_FOUND;
  const notYours = fourEyesRefusal({ userId: request.userId, subjectEmail: request.mandate?.subjectEmail }, actor);
  if (notYours) return notYours;
  const cancelled = await withEventOutbox(async (tx) => {
    const moved = await transitionRequest(tx, {
      requestId,
      from: CANCELLABLE_BY_STAFF,
      to: RequestStatus.CANCELLED,
      action: "request.cancelled",
      actor: actorOf(actor),
      context,
      data: { completedAt: new Date() },
      metadata: { reason, by: "staff" },
      events: [
        customerNoticeRequested.create({ requestId, notice: "cancelled" }, { id: `request-cancelled/${requestId}` }),
      ],
    });
    // A request held for review that will now never be released keeps no other person's data.
    if (moved) await forgetFindingPassages(tx, requestId);
    return moved;
  });
  return cancelled
    ? DONE
    : refused("This request can no longer be cancelled: its export is running, or it is already closed.");
}
