import { audit } from "@/lib/audit";
import { createDownloadToken } from "@/lib/auth/download-token";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { renderDataReadyEmail } from "@/lib/email/templates/data-ready-email";
import { renderRequestDelayedEmail } from "@/lib/email/templates/request-delayed-email";
import { renderRequestReceivedEmail } from "@/lib/email/templates/request-received-email";
import { env } from "@/lib/env";
import { portalUrl } from "@/lib/http/portal-url";
import { supportedLocale } from "@/lib/i18n/catalog";
import { WORKFLOW_ACTOR } from "./transition";

// Every email goes out in the language the customer asked in (PrivacyRequest.locale). An agent's
// request (a mandate) is worded for the agent: "the data of <subject>", never "your data".

/**
 * What every email to the requester reads of the request: its reference, the requester's address
 * and language, and whose data an agent asked for (a mandate).
 */
export const REQUESTER_FIELDS = {
  reference: true,
  locale: true,
  user: { select: { email: true } },
  mandate: { select: { subjectEmail: true } },
} as const;

/** The template props for the requester's language and, for an agent, whose data it is. */
export function requesterAudience(request: { locale: string | null; mandate: { subjectEmail: string } | null }) {
  return { locale: supportedLocale(request.locale), onBehalfOf: request.mandate?.subjectEmail };
}

export function requestStatusUrl(requestId: string): string {
  return new URL(`/privacy-center/requests/${requestId}`, portalUrl()).toString();
}

export function downloadUrl(requestId: string, archiveId: string, expiresAt: Date): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to sign download links.");
  const token = createDownloadToken({ requestId, archiveId, expiresAt }, secret);
  const url = new URL(`/privacy-center/requests/${requestId}/download`, portalUrl());
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * "Your data is ready", with a signed link that expires with the archive. The idempotency key is
 * the archive: a replayed step never sends a second email for the same archive.
 */
export async function sendDataReadyEmail(requestId: string, archiveId: string): Promise<{ emailId: string }> {
  const archive = await db.exportArchive.findUniqueOrThrow({
    where: { id: archiveId },
    select: { expiresAt: true, request: { select: { id: true, ...REQUESTER_FIELDS } } },
  });
  if (archive.request.id !== requestId) throw new Error("The archive belongs to another request.");
  const content = await renderDataReadyEmail({
    companyName: env().COMPANY_NAME,
    reference: archive.request.reference,
    downloadUrl: downloadUrl(requestId, archiveId, archive.expiresAt),
    expiresAt: archive.expiresAt,
    ...requesterAudience(archive.request),
  });
  const { id } = await sendEmail({
    to: archive.request.user.email,
    ...content,
    idempotencyKey: `data-ready/${archiveId}`,
  });
  await audit({
    actor: WORKFLOW_ACTOR,
    action: "email.sent",
    requestId,
    metadata: { template: "data-ready", emailId: id },
  });
  return { emailId: id };
}

/** A source failed for good: tell the customer plainly that staff will finish the job. */
export async function sendRequestDelayedEmail(requestId: string): Promise<{ emailId: string }> {
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      ...REQUESTER_FIELDS,
      _count: { select: { auditEvents: { where: { action: "source.failed" } } } },
    },
  });
  const content = await renderRequestDelayedEmail({
    companyName: env().COMPANY_NAME,
    reference: request.reference,
    statusUrl: requestStatusUrl(requestId),
    ...requesterAudience(request),
  });
  // One email per failure episode: the count of failures so far tells a retry's failure apart.
  const idempotencyKey = `request-delayed/${requestId}/${request._count.auditEvents}`;
  const { id } = await sendEmail({ to: request.user.email, ...content, idempotencyKey });
  await audit({
    actor: WORKFLOW_ACTOR,
    action: "email.sent",
    requestId,
    metadata: { template: "request-delayed", emailId: id },
  });
  return { emailId: id };
}

/** "We have your request": its reference, what was asked and the legal due date. */
export async function sendRequestReceivedEmail(requestId: string): Promise<{ emailId: string }> {
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      ...REQUESTER_FIELDS,
      type: true,
      dueAt: true,
    },
  });
  const content = await renderRequestReceivedEmail({
    companyName: env().COMPANY_NAME,
    reference: request.reference,
    type: request.type,
    dueAt: request.dueAt,
    statusUrl: requestStatusUrl(requestId),
    ...requesterAudience(request),
  });
  const { id } = await sendEmail({
    to: request.user.email,
    ...content,
    idempotencyKey: `request-received/${requestId}`,
  });
  await audit({
    actor: WORKFLOW_ACTOR,
    action: "email.sent",
    requestId,
    metadata: { template: "request-received", emailId: id },
  });
  return { emailId: id };
}
