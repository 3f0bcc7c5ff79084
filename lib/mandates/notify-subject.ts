import { addDays } from "@/lib/compliance/days-left";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { renderSubjectInformedEmail } from "@/lib/email/templates/subject-informed-email";
import { env } from "@/lib/env";
import { portalUrl } from "@/lib/http/portal-url";
import { savedLocaleOf } from "@/lib/i18n/account-locale";
import { supportedLocale } from "@/lib/i18n/catalog";
import { WORKFLOW_ACTOR } from "@/lib/requests/transition";
import { createObjectionToken } from "./objection-token";

// The data subject learns of a request made for them at their own address, whether or not the
// company holds data about it: the email says nothing about what we hold (no enumeration by
// anyone who reads it), only who asked, as what, and how to object. It is written in the subject's
// own language (their account's, else DEFAULT_LOCALE), not in the agent's who made the request.

/** The signed link to the objection page for one mandate, valid for MANDATE_OBJECTION_DAYS from `from`. */
export function objectionUrl(mandateId: string, from: Date): { url: string; expiresAt: Date } {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to sign objection links.");
  const expiresAt = addDays(from, env().MANDATE_OBJECTION_DAYS);
  const url = new URL("/privacy-center/object", portalUrl());
  url.searchParams.set("token", createObjectionToken({ mandateId, expiresAt }, secret));
  return { url: url.toString(), expiresAt };
}

/** Sends the "a request was made for your data" email once per request, and records when. */
export async function sendSubjectInformedEmail(requestId: string): Promise<{ emailId: string }> {
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { reference: true, user: { select: { email: true } }, mandate: true },
  });
  const { mandate } = request;
  if (!mandate) throw new Error(`Request ${requestId} was not made by an agent: there is no data subject to inform.`);
  const link = objectionUrl(mandate.id, mandate.createdAt);
  const content = await renderSubjectInformedEmail({
    companyName: env().COMPANY_NAME,
    reference: request.reference,
    agentEmail: request.user.email,
    subjectEmail: mandate.subjectEmail,
    relationship: mandate.relationship,
    objectUrl: link.url,
    objectBy: link.expiresAt,
    locale: supportedLocale(await savedLocaleOf(mandate.subjectEmail)),
  });
  const { id } = await sendEmail({
    to: mandate.subjectEmail,
    ...content,
    idempotencyKey: `subject-informed/${requestId}`,
  });
  await db.requestMandate.updateMany({
    where: { id: mandate.id, subjectNotifiedAt: null },
    data: { subjectNotifiedAt: new Date() },
  });
  await audit({
    actor: WORKFLOW_ACTOR,
    action: "email.sent",
    requestId,
    metadata: { template: "subject-informed", emailId: id },
  });
  return { emailId: id };
}
