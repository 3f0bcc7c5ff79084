import "server-only";
import type { AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { inspectMandate, type MandateRefusal } from "@/lib/mandates/inspect-upload";
import { createAgentPrivacyRequest } from "@/lib/requests/create-agent-request";
import { createPrivacyRequest, type SubmittedRequest } from "@/lib/requests/create-privacy-request";
import { CANCELLABLE_BY_CUSTOMER } from "@/lib/requests/lifecycle";
import { transitionRequest } from "@/lib/requests/transition";
import type { AgentMandateInput, NewPrivacyRequest } from "@/lib/schemas/privacy-request";
import type { Viewer } from "./session";

// Every read and write of a privacy request goes through here, and each one checks who is
// asking: a customer only ever reaches their own requests; an id that is not theirs behaves
// exactly like one that does not exist.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer's own requests, newest first. */
export function listOwnPrivacyRequests(viewer: Viewer) {
  return db.privacyRequest.findMany({
    where: { userId: viewer.id },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      byAgent: true,
      submittedAt: true,
      dueAt: true,
      extendedDueAt: true,
    },
  });
}

/** The viewer's request with its sources and archive, or null for an unknown or foreign id. */
export async function findOwnPrivacyRequest(viewer: Viewer, id: string) {
  if (!UUID.test(id)) return null;
  return db.privacyRequest.findFirst({
    where: { id, userId: viewer.id },
    include: {
      sources: { orderBy: { sourceKey: "asc" } },
      identityCheck: { select: { status: true, method: true, decidedAt: true, reason: true } },
      // The agent sees whom they asked for and as what; never the subject's records or other requests.
      mandate: { select: { subjectEmail: true, relationship: true, objectedAt: true } },
      archives: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
}

export function submitPrivacyRequest(viewer: Viewer, input: NewPrivacyRequest, context: AuditContext, locale?: string) {
  return createPrivacyRequest({ id: viewer.id, email: viewer.email }, input, context, locale);
}

export type AgentSubmission = { ok: true; request: SubmittedRequest } | { ok: false; refusal: MandateRefusal };

/**
 * A request for someone else with its mandate: the file is checked by its bytes first, and a
 * refused file stores nothing. The viewer becomes the request's owner (only they may download).
 */
export async function submitAgentPrivacyRequest(
  viewer: Viewer,
  input: NewPrivacyRequest,
  agent: AgentMandateInput,
  context: AuditContext,
  locale?: string,
): Promise<AgentSubmission> {
  const bytes = new Uint8Array(await agent.mandate.arrayBuffer());
  const file = await inspectMandate(bytes);
  if (!file.ok) return file;
  const mandate = { subjectEmail: agent.subjectEmail, relationship: agent.relationship, bytes, file };
  const agentRequester = { id: viewer.id, email: viewer.email };
  return { ok: true, request: await createAgentPrivacyRequest(agentRequester, input, mandate, context, locale) };
}

/** CANCELLED, if it is the viewer's own request and the export has not started. */
export async function cancelOwnPrivacyRequest(viewer: Viewer, id: string, context: AuditContext): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return db.$transaction(async (tx) => {
    const own = await tx.privacyRequest.findFirst({ where: { id, userId: viewer.id }, select: { id: true } });
    if (!own) return false;
    return transitionRequest(tx, {
      requestId: id,
      from: CANCELLABLE_BY_CUSTOMER,
      to: RequestStatus.CANCELLED,
      action: "request.cancelled",
      actor: { type: "USER", id: viewer.id, email: viewer.email },
      data: { completedAt: new Date() },
      metadata: { ip: context.ip ?? null },
    });
  });
}
