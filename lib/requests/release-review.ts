import { appendAuditEvents } from "@/lib/audit";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { db, type Tx } from "@/lib/db";
import { withEventOutbox } from "@/lib/events/outbox";
import { requestReleasedEvent } from "@/lib/events/definitions";
import {
  actorOf,
  DONE,
  NOT_FOUND,
  fourEyesRefusal,
  refused,
  type StaffActor,
  type StaffCall,
  type StaffOutcome,
} from "./staff-outcome";
import { transitionRequest } from "./transition";

// Art. 15(4) GDPR: the copy "shall not adversely affect the rights and freedoms of others". A
// request whose free text holds other people's data (lib/disclosure) waits in RELEASE_REVIEW
// after collecting; a reviewer redacts or keeps each finding with a reason, and the last
// decision releases it to packaging. The request row is locked while deciding, so of two
// reviewers deciding the last two findings at once exactly one releases the request.

export type FindingDecision = "REDACT" | "KEEP";

/**
 * After collecting: COLLECTING → RELEASE_REVIEW when findings wait for a decision. One indexed
 * count for a request without findings, which then goes straight on to packaging.
 */
export async function holdForReleaseReview(requestId: string): Promise<{ held: boolean; pending: number }> {
  const pending = await db.disclosureFinding.count({ where: { requestId, decision: "PENDING" } });
  if (pending === 0) return { held: false, pending };
  await db.$transaction((tx) =>
    transitionRequest(tx, {
      requestId,
      from: [RequestStatus.COLLECTING],
      to: RequestStatus.RELEASE_REVIEW,
      action: "request.release_review",
      metadata: { findings: pending },
    }),
  );
  return { held: true, pending };
}

const NOT_IN_REVIEW = refused("This request is no longer waiting for a review before release.");
const ALREADY_DECIDED = refused("This passage was already decided by another reviewer.");

/** A reviewer's decision on one finding; the last one releases the request to packaging. */
export async function decideDisclosureFinding(
  call: StaffCall,
  input: { findingId: string; decision: FindingDecision; reason: string },
): Promise<StaffOutcome> {
  const finding = await db.disclosureFinding.findFirst({
    where: { id: input.findingId, requestId: call.requestId },
    select: { id: true },
  });
  if (!finding) return NOT_FOUND;
  return decideFindings(call, finding.id, input);
}

/** One decision and reason for every finding still undecided (a long conversation with one other person in it). */
export function decideRemainingFindings(
  call: StaffCall,
  input: { decision: FindingDecision; reason: string },
): Promise<StaffOutcome> {
  return decideFindings(call, undefined, input);
}

async function decideFindings(
  { actor, requestId, context }: StaffCall,
  findingId: string | undefined,
  input: { decision: FindingDecision; reason: string },
): Promise<StaffOutcome> {
  const request = await db.privacyRequest.findUnique({
    where: { id: requestId },
    select: { userId: true, mandate: { select: { subjectEmail: true } } },
  });
  if (!request) return NOT_FOUND;
  const notYours = fourEyesRefusal({ userId: request.userId, subjectEmail: request.mandate?.subjectEmail }, actor);
  if (notYours) return notYours;
  return withEventOutbox(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "PrivacyRequest" WHERE id = ${requestId} FOR UPDATE`;
    if (locked?.status !== RequestStatus.RELEASE_REVIEW) return NOT_IN_REVIEW;
    const pending = await tx.disclosureFinding.findMany({
      where: { requestId, decision: "PENDING", ...(findingId ? { id: findingId } : {}) },
      select: { id: true, kind: true, sourceKey: true },
    });
    if (pending.length === 0) return ALREADY_DECIDED;
    await tx.disclosureFinding.updateMany({
      where: { id: { in: pending.map((finding) => finding.id) } },
      data: { decision: input.decision, reason: input.reason, reviewerId: actor.id, decidedAt: new Date() },
    });
    // One event per finding. The other person's data itself stays out of the append-only log.
    await appendAuditEvents(
      tx,
      pending.map((finding) => ({
        actor: actorOf(actor),
        action: input.decision === "REDACT" ? ("disclosure.redacted" as const) : ("disclosure.kept" as const),
        requestId,
        context,
        target: { type: "DisclosureFinding", id: finding.id },
        metadata: { kind: finding.kind, source: finding.sourceKey, reason: input.reason },
      })),
    );
    if ((await tx.disclosureFinding.count({ where: { requestId, decision: "PENDING" } })) === 0)
      await release(tx, requestId, actor, context);
    return DONE;
  });
}

/** RELEASE_REVIEW → PACKAGING, with the event that restages and packages (in the same transaction). */
async function release(tx: Tx, requestId: string, actor: StaffActor, context: StaffCall["context"]): Promise<void> {
  const redacted = await tx.disclosureFinding.count({ where: { requestId, decision: "REDACT" } });
  await transitionRequest(tx, {
    requestId,
    from: [RequestStatus.RELEASE_REVIEW],
    to: RequestStatus.PACKAGING,
    action: "request.released",
    actor: actorOf(actor),
    context,
    metadata: { redacted },
    events: [requestReleasedEvent(requestId)],
  });
}
