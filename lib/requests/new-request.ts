import { customerNoticeRequested } from "@/lib/events/definitions";
import type { AuditActor, AuditContext, AuditEventInput } from "@/lib/audit";
import { dueDate } from "@/lib/compliance/legal-clock";
import type { Tx } from "@/lib/db";
import { IdentityCheckStatus, RequestStatus, type IdentityMethod } from "@/lib/generated/prisma/enums";
import type { NewPrivacyRequest } from "@/lib/schemas/privacy-request";
import { nextRequestReference } from "./reference";

// The rows and records every new request writes, whoever asks: the request with its reference and
// legal due date (Art. 12(3)), its identity check, the receipt email and the "submitted" event.

export type NewRequestRows = {
  id?: string;
  requester: { id: string; email: string };
  input: NewPrivacyRequest;
  locale?: string;
  now: Date;
  byAgent?: boolean;
  /** Set when the identity policy approved it at once: the subject linked. */
  approvedSubjectId?: string;
};

const AUTO_MATCH_REASON = "The signed-in email matches exactly one customer record.";

export async function insertPrivacyRequest(tx: Tx, rows: NewRequestRows) {
  const { requester, input, now, approvedSubjectId } = rows;
  const created = await tx.privacyRequest.create({
    data: {
      id: rows.id,
      reference: await nextRequestReference(tx, now),
      userId: requester.id,
      type: input.type,
      formats: input.formats,
      sourceKeys: input.sourceKeys,
      rangeFrom: input.rangeFrom,
      rangeTo: input.rangeTo,
      submittedAt: now,
      dueAt: dueDate(now),
      locale: rows.locale,
      byAgent: rows.byAgent ?? false,
      status: approvedSubjectId ? RequestStatus.APPROVED : RequestStatus.IDENTITY_REVIEW,
      subjectId: approvedSubjectId ?? null,
    },
    select: { id: true, reference: true, status: true, dueAt: true, type: true, formats: true, sourceKeys: true },
  });
  // Written on its own rather than nested: a nested create costs a third statement (Prisma reads
  // the request back after writing both).
  const method: IdentityMethod = rows.byAgent
    ? "AGENT_MANDATE"
    : approvedSubjectId
      ? "EMAIL_AUTO_MATCH"
      : "EMAIL_REVIEW";
  await tx.identityCheck.create({
    data: approvedSubjectId
      ? {
          requestId: created.id,
          method,
          status: IdentityCheckStatus.APPROVED,
          decidedAt: now,
          reason: AUTO_MATCH_REASON,
        }
      : { requestId: created.id, method },
    select: { id: true },
  });
  return created;
}

export type CreatedRequest = Awaited<ReturnType<typeof insertPrivacyRequest>>;

/** The "we have your request" email to whoever asked, sent through the outbox. */
export const receiptNotice = (requestId: string) =>
  customerNoticeRequested.create({ requestId, notice: "received" }, { id: `request-received/${requestId}` });

export function submittedEvent(
  requester: { id: string; email: string },
  created: CreatedRequest,
  context: AuditContext,
  extra: Record<string, unknown> = {},
): AuditEventInput {
  const actor: AuditActor = { type: "USER", id: requester.id, email: requester.email };
  return {
    actor,
    action: "request.submitted",
    requestId: created.id,
    context,
    metadata: {
      reference: created.reference,
      type: created.type,
      formats: created.formats,
      sources: created.sourceKeys,
      dueAt: created.dueAt.toISOString(),
      ...extra,
    },
  };
}

export const summaryOf = (created: CreatedRequest) => ({
  id: created.id,
  reference: created.reference,
  status: created.status,
  dueAt: created.dueAt,
});
