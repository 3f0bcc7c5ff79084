import { customerNoticeRequested } from "@/lib/events/definitions";
import { appendAuditEvents, type AuditContext } from "@/lib/audit";
import { dueDate } from "@/lib/compliance/legal-clock";
import { enqueueEvents, withEventOutbox } from "@/lib/events/outbox";
import { env } from "@/lib/env";
import { IdentityCheckStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import type { NewPrivacyRequest } from "@/lib/schemas/privacy-request";
import { logger } from "@/lib/observability/logger";
import { findDataSubjects } from "./data-subject";
import { isOpen, OPEN, statusesIn } from "./lifecycle";
import { exportRequestedEvent } from "./queue-export";
import { nextRequestReference } from "./reference";

export class RequestRefusedError extends Error {
  override name = "RequestRefusedError";
  constructor(
    readonly code: "open_request_exists" | "daily_limit_reached",
    message: string,
    /** For the customer's own language: messages/<locale>.json has `errors.<code>` with these values. */
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/**
 * A customer's new request: reference, legal due date, identity check, audit trail and the events
 * it sets in motion (the "request received" email; with the auto-approve policy, an exact match to
 * one data subject approves it at once and the export starts) in one transaction.
 */
export async function createPrivacyRequest(
  requester: { id: string; email: string },
  input: NewPrivacyRequest,
  context: AuditContext = {},
  /** The language the customer asked in; its emails and README.html use it. */
  locale?: string,
): Promise<{ id: string; reference: string; status: RequestStatus; dueAt: Date }> {
  const config = env();
  const subjects = config.autoApproveIdentity ? await findDataSubjects(requester.email) : [];
  const autoApproved = subjects.length === 1;
  const now = new Date();

  const request = await withEventOutbox(async (tx) => {
    // One submission at a time per customer, so the limits below cannot be raced past.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`privacy-request:${requester.id}`}))::text`;
    // Both limits from one read: the customer's open requests and those of the last 24 hours.
    const since = new Date(now.getTime() - 24 * 3600 * 1000);
    const recent = await tx.privacyRequest.findMany({
      where: { userId: requester.id, OR: [{ status: { in: statusesIn(OPEN) } }, { submittedAt: { gte: since } }] },
      select: { reference: true, status: true, submittedAt: true },
    });
    const open = recent.find((row) => isOpen(row.status));
    if (open) {
      throw new RequestRefusedError("open_request_exists", `You already have a request in progress (${open.reference}). You can make a new one when it is finished.`, { reference: open.reference });
    }
    const today = recent.filter((row) => row.submittedAt >= since).length;
    if (today >= config.REQUESTS_PER_DAY) {
      throw new RequestRefusedError("daily_limit_reached", `You can make ${config.REQUESTS_PER_DAY} requests a day. Please try again tomorrow.`, { limit: config.REQUESTS_PER_DAY });
    }
    const created = await tx.privacyRequest.create({
      data: {
        reference: await nextRequestReference(tx, now),
        userId: requester.id,
        type: input.type,
        formats: input.formats,
        sourceKeys: input.sourceKeys,
        rangeFrom: input.rangeFrom,
        rangeTo: input.rangeTo,
        submittedAt: now,
        dueAt: dueDate(now),
        locale,
        status: autoApproved ? RequestStatus.APPROVED : RequestStatus.IDENTITY_REVIEW,
        subjectId: autoApproved ? subjects[0]!.id : null,
      },
      select: { id: true, reference: true, status: true, dueAt: true, type: true, formats: true, sourceKeys: true },
    });
    // Written on its own rather than nested: a nested create costs a third statement (Prisma reads
    // the request back after writing both).
    await tx.identityCheck.create({
      data: autoApproved
        ? { requestId: created.id, method: "EMAIL_AUTO_MATCH", status: IdentityCheckStatus.APPROVED, decidedAt: now, reason: "The signed-in email matches exactly one customer record." }
        : { requestId: created.id, method: "EMAIL_REVIEW" },
      select: { id: true },
    });
    await enqueueEvents(tx, [
      customerNoticeRequested.create({ requestId: created.id, notice: "received" }, { id: `request-received/${created.id}` }),
      ...(autoApproved ? [exportRequestedEvent(created.id)] : []),
    ]);
    // Last, in one statement: from here to commit this transaction holds the audit chain's lock,
    // which every other audited change in the portal waits for.
    const actor = { type: "USER" as const, id: requester.id, email: requester.email };
    await appendAuditEvents(tx, [
      {
        actor,
        action: "request.submitted",
        requestId: created.id,
        context,
        metadata: { reference: created.reference, type: created.type, formats: created.formats, sources: created.sourceKeys, dueAt: created.dueAt.toISOString() },
      },
      ...(autoApproved
        ? [
            {
              actor: { type: "SYSTEM" as const, name: "identity-policy" },
              action: "identity.approved" as const,
              requestId: created.id,
              metadata: { method: "EMAIL_AUTO_MATCH", subjectId: subjects[0]!.id },
            },
          ]
        : []),
    ]);
    return created;
  });

  // The first line of the request's story in the log; the web request's id comes from the context.
  const { reference, id: privacyRequestId, status } = request;
  logger({ module: "requests" }).info({ reference, privacyRequestId, status }, "privacy request submitted");
  return { id: request.id, reference: request.reference, status: request.status, dueAt: request.dueAt };
}
