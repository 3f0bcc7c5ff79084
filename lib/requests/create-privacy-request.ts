import { appendAuditEvents, type AuditContext } from "@/lib/audit";
import { enqueueEvents, withEventOutbox } from "@/lib/events/outbox";
import { env } from "@/lib/env";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { NewPrivacyRequest } from "@/lib/schemas/privacy-request";
import { logger } from "@/lib/observability/logger";
import { findDataSubjects } from "./data-subject";
import { exportRequestedEvent } from "./queue-export";
import { insertPrivacyRequest, receiptNotice, submittedEvent, summaryOf } from "./new-request";
import { checkOwnRequestLimits } from "./request-limits";

export { RequestRefusedError } from "./request-limits";

export type SubmittedRequest = { id: string; reference: string; status: RequestStatus; dueAt: Date };

/**
 * A customer's new request for their own data: reference, legal due date, identity check, audit
 * trail and the events it sets in motion (the "request received" email; with the auto-approve
 * policy, an exact match to one data subject approves it at once and the export starts) in one
 * transaction. Someone asking for another person goes through createAgentPrivacyRequest instead.
 */
export async function createPrivacyRequest(
  requester: { id: string; email: string },
  input: NewPrivacyRequest,
  context: AuditContext = {},
  /** The language the customer asked in; its emails and README.html use it. */
  locale?: string,
): Promise<SubmittedRequest> {
  const subjects = env().autoApproveIdentity ? await findDataSubjects(requester.email) : [];
  const match = subjects.length === 1 ? subjects[0]! : undefined;
  const now = new Date();
  const created = await withEventOutbox(async (tx) => {
    await checkOwnRequestLimits(tx, requester.id, now);
    const row = await insertPrivacyRequest(tx, { requester, input, locale, now, approvedSubjectId: match?.id });
    await enqueueEvents(tx, [receiptNotice(row.id), ...(match ? [exportRequestedEvent(row.id)] : [])]);
    // Last, in one statement: from here to commit this transaction holds the audit chain's lock,
    // which every other audited change in the portal waits for.
    await appendAuditEvents(tx, [
      submittedEvent(requester, row, context),
      ...(match
        ? [
            {
              actor: { type: "SYSTEM" as const, name: "identity-policy" },
              action: "identity.approved" as const,
              requestId: row.id,
              metadata: { method: "EMAIL_AUTO_MATCH", subjectId: match.id },
            },
          ]
        : []),
    ]);
    return row;
  });
  // The first line of the request's story in the log; the web request's id comes from the context.
  const { reference, id: privacyRequestId, status } = created;
  logger({ module: "requests" }).info({ reference, privacyRequestId, status }, "privacy request submitted");
  return summaryOf(created);
}
