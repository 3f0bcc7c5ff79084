import { randomUUID } from "node:crypto";
import { customerNoticeRequested } from "@/lib/events/definitions";
import { appendAuditEvents, type AuditContext, type AuditEventInput } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { enqueueEvents, withEventOutbox } from "@/lib/events/outbox";
import { mandateKey } from "@/lib/export/storage-keys";
import type { MandateRelationship } from "@/lib/generated/prisma/enums";
import type { InspectedMandate } from "@/lib/mandates/inspect-upload";
import type { NewPrivacyRequest } from "@/lib/schemas/privacy-request";
import { getBlobStore } from "@/lib/storage";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { SubmittedRequest } from "./create-privacy-request";
import { insertPrivacyRequest, receiptNotice, submittedEvent, summaryOf } from "./new-request";
import { checkAgentRequestLimits } from "./request-limits";

// A request made on someone else's behalf: a parent for a child, a lawyer or an authorised agent
// for a client (GDPR recital 63 and Art. 12(6); CCPA's authorised agent, Cal. Code Regs. tit. 11
// §7063). It is never approved automatically and the company's records are not consulted here:
// the agent gets the same answer whether or not we hold data about the email given. The data
// subject is told at their own address and may object (lib/mandates/object-to-request.ts).

export type AgentMandate = {
  subjectEmail: string;
  relationship: MandateRelationship;
  bytes: Uint8Array;
  /** What inspectMandate found the bytes to be; only an accepted file gets here. */
  file: Extract<InspectedMandate, { ok: true }>;
};

type Ids = { requestId: string; mandateId: string; storageKey: string };
type Agent = { id: string; email: string };

/** The mandate's row and the request's audit trail, written with the request in `tx`. */
async function recordMandate(tx: Tx, agent: Agent, mandate: AgentMandate, ids: Ids, now: Date): Promise<void> {
  const { file } = mandate;
  await tx.requestMandate.create({
    data: {
      id: ids.mandateId,
      requestId: ids.requestId,
      agentUserId: agent.id,
      subjectEmail: mandate.subjectEmail,
      relationship: mandate.relationship,
      storageKey: ids.storageKey,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      createdAt: now,
    },
    select: { id: true },
  });
}

function mandateReceivedEvent(agent: Agent, mandate: AgentMandate, ids: Ids, context: AuditContext): AuditEventInput {
  const { file } = mandate;
  return {
    actor: { type: "USER", id: agent.id, email: agent.email },
    action: "mandate.received",
    requestId: ids.requestId,
    target: { type: "RequestMandate", id: ids.mandateId },
    context,
    metadata: {
      subjectEmail: mandate.subjectEmail,
      relationship: mandate.relationship,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    },
  };
}

export async function createAgentPrivacyRequest(
  agent: Agent,
  input: NewPrivacyRequest,
  mandate: AgentMandate,
  context: AuditContext = {},
  locale?: string,
  store: BlobStore = getBlobStore(),
): Promise<SubmittedRequest> {
  // Ids chosen here so the key is known before the rows exist: the file is stored first and
  // removed again if the request is refused or the transaction fails, so nothing is left behind.
  const requestId = randomUUID();
  const mandateId = randomUUID();
  const ids = { requestId, mandateId, storageKey: mandateKey(requestId, mandateId, mandate.file.extension) };
  const now = new Date();
  await store.put(ids.storageKey, Buffer.from(mandate.bytes), { contentType: mandate.file.contentType });
  try {
    const created = await withEventOutbox(async (tx) => {
      await checkAgentRequestLimits(tx, agent, mandate.subjectEmail, now);
      const row = await insertPrivacyRequest(tx, {
        id: requestId,
        requester: agent,
        input,
        locale,
        now,
        byAgent: true,
      });
      await recordMandate(tx, agent, mandate, ids, now);
      await enqueueEvents(tx, [
        receiptNotice(requestId),
        customerNoticeRequested.create(
          { requestId, notice: "subject-informed" },
          { id: `subject-informed/${requestId}` },
        ),
      ]);
      await appendAuditEvents(tx, [
        submittedEvent(agent, row, context, { byAgent: true, relationship: mandate.relationship }),
        mandateReceivedEvent(agent, mandate, ids, context),
      ]);
      return row;
    });
    return summaryOf(created);
  } catch (error) {
    await store.delete(ids.storageKey).catch(() => undefined);
    throw error;
  }
}
