import { customerNoticeRequested } from "@/lib/events/definitions";
import { appendAuditEvent } from "@/lib/audit";
import { extendedDueDate, MAX_EXTENSION_MONTHS } from "@/lib/compliance/legal-clock";
import { enqueueEvents, withEventOutbox } from "@/lib/events/outbox";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { EXTENDABLE } from "./lifecycle";
import { actorOf, DONE, fourEyesRefusal, NOT_FOUND, refused, type StaffCall, type StaffOutcome } from "./staff-outcome";

// GDPR Art. 12(3): the one-month deadline "may be extended by two further months where necessary,
// taking into account the complexity and number of the requests"; the controller "shall inform
// the data subject of any such extension within one month of receipt of the request, together
// with the reasons for the delay". So: once, by one or two months, with a reason, only while the
// original month runs, and the customer is told at once (the notice is enqueued with the change).

type Locked = {
  userId: string;
  subjectEmail: string | null;
  status: RequestStatus;
  submittedAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
};

export async function extendDeadline(
  { actor, requestId, context }: StaffCall,
  { months, reason }: { months: number; reason: string },
  now: Date = new Date(),
): Promise<StaffOutcome> {
  return withEventOutbox(async (tx) => {
    // The row lock makes "extended once" hold against two reviewers extending at the same moment.
    const [request] = await tx.$queryRaw<Locked[]>`
      SELECT r."userId", m."subjectEmail", r."status", r."submittedAt", r."dueAt", r."extendedDueAt"
        FROM "PrivacyRequest" r LEFT JOIN "RequestMandate" m ON m."requestId" = r."id"
       WHERE r."id" = ${requestId} FOR UPDATE OF r`;
    if (!request) return NOT_FOUND;
    const notYours = fourEyesRefusal(request, actor);
    if (notYours) return notYours;
    if (!EXTENDABLE.has(request.status)) return refused("Only an open request can be extended.");
    if (request.extendedDueAt)
      return refused("This deadline was already extended; Art. 12(3) allows one extension of at most two months.");
    if (now > request.dueAt)
      return refused(
        "The original deadline has passed: an extension must be sent within the first month (Art. 12(3)).",
      );
    if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS)
      return refused("A deadline can be extended by one or two months.");
    const extendedDueAt = extendedDueDate(request.submittedAt, months);
    await tx.privacyRequest.update({ where: { id: requestId }, data: { extendedDueAt, extensionReason: reason } });
    await appendAuditEvent(tx, {
      actor: actorOf(actor),
      action: "request.extended",
      requestId,
      context,
      metadata: { months, reason, dueAt: request.dueAt.toISOString(), extendedDueAt: extendedDueAt.toISOString() },
    });
    // Enqueue (not send) in the same transaction: the extension and the customer's notice stand or fall together.
    await enqueueEvents(tx, [
      customerNoticeRequested.create({ requestId, notice: "extended" }, { id: `request-extended/${requestId}` }),
    ]);
    return DONE;
  });
}
