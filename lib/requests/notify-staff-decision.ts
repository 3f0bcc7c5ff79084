import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { renderDeadlineExtendedEmail } from "@/lib/email/templates/deadline-extended-email";
import { renderRequestCancelledEmail } from "@/lib/email/templates/request-cancelled-email";
import { renderRequestRejectedEmail } from "@/lib/email/templates/request-rejected-email";
import { env } from "@/lib/env";
import { controllerDetails } from "./controller";
import { REQUESTER_FIELDS, requestStatusUrl, requesterAudience } from "./notify-customer";
import { WORKFLOW_ACTOR } from "./transition";

// The emails a staff decision owes the customer: a rejection (why, and how to contest it), an
// extension (why, and the new date) and a cancellation (why). Each is keyed by the request, so a
// replayed notice sends nothing twice.

type Sent = { emailId: string };

async function send(
  requestId: string,
  to: string,
  template: string,
  content: { subject: string; html: string; text: string },
): Promise<Sent> {
  const { id } = await sendEmail({ to, ...content, idempotencyKey: `${template}/${requestId}` });
  await audit({ actor: WORKFLOW_ACTOR, action: "email.sent", requestId, metadata: { template, emailId: id } });
  return { emailId: id };
}

export async function sendRequestRejectedEmail(requestId: string): Promise<Sent> {
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      ...REQUESTER_FIELDS,
      identityCheck: { select: { reason: true } },
    },
  });
  const controller = controllerDetails();
  const content = await renderRequestRejectedEmail({
    companyName: controller.name,
    reference: request.reference,
    reason: request.identityCheck?.reason,
    contactEmail: controller.contactEmail,
    authority: controller.supervisoryAuthority,
    statusUrl: requestStatusUrl(requestId),
    ...requesterAudience(request),
  });
  return send(requestId, request.user.email, "request-rejected", content);
}

export async function sendDeadlineExtendedEmail(requestId: string): Promise<Sent> {
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      ...REQUESTER_FIELDS,
      extendedDueAt: true,
      extensionReason: true,
    },
  });
  if (!request.extendedDueAt) throw new Error(`Request ${requestId} has no extended deadline to announce.`);
  const content = await renderDeadlineExtendedEmail({
    companyName: env().COMPANY_NAME,
    reference: request.reference,
    reason: request.extensionReason ?? "",
    extendedDueAt: request.extendedDueAt,
    statusUrl: requestStatusUrl(requestId),
    ...requesterAudience(request),
  });
  return send(requestId, request.user.email, "deadline-extended", content);
}

export async function sendRequestCancelledEmail(requestId: string): Promise<Sent> {
  const [request, cancellation] = await Promise.all([
    db.privacyRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: REQUESTER_FIELDS,
    }),
    db.auditEvent.findFirst({
      where: { requestId, action: "request.cancelled" },
      orderBy: { id: "desc" },
      select: { metadata: true },
    }),
  ]);
  const reason = (cancellation?.metadata as { reason?: unknown } | null)?.reason;
  const content = await renderRequestCancelledEmail({
    companyName: env().COMPANY_NAME,
    reference: request.reference,
    reason: typeof reason === "string" ? reason : null,
    contactEmail: env().COMPANY_CONTACT_EMAIL,
    statusUrl: requestStatusUrl(requestId),
    ...requesterAudience(request),
  });
  return send(requestId, request.user.email, "request-cancelled", content);
}
