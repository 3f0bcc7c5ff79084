import { customerNoticeRequested } from "@/inngest/events";
import { db, type Tx } from "@/lib/db";
import { withEventOutbox } from "@/lib/events/outbox";
import { NO_DATA_HELD } from "@/lib/schemas/staff-requests";
import { findDataSubjects, subjectEmailOf, type SubjectMatch } from "./data-subject";
import { AWAITING_IDENTITY } from "./lifecycle";
import { exportRequestedEvent } from "./queue-export";
import { actorOf, DONE, NOT_FOUND, OWN_REQUEST, refused, type StaffCall, type StaffOutcome } from "./staff-outcome";
import { transitionRequest } from "./transition";

// A reviewer's decision on a pending identity check. The request's status is the lock: the
// transition only happens from a status awaiting identity, so of two concurrent decisions exactly
// one lands, and the other is told it was already decided.

const ALREADY_DECIDED = refused("This identity check was already decided, or the request was withdrawn.");

const OBJECTED = refused("The data subject objected to this request made on their behalf: reject it; the agent is told your reason.");

async function loadRequest(requestId: string) {
  return db.privacyRequest.findUnique({
    where: { id: requestId },
    select: { userId: true, user: { select: { email: true } }, mandate: { select: { subjectEmail: true, objectedAt: true } } },
  });
}

/** The identity check's method as the request was made: by the account's owner, or by an agent with a mandate. */
const methodOf = (request: { mandate: unknown }) => (request.mandate ? ("AGENT_MANDATE" as const) : ("EMAIL_REVIEW" as const));

/**
 * Which customer record the approval links. One match is taken as is; with none or several the
 * reviewer must pick one of the matches, or confirm that the company holds no data about this
 * person (NO_DATA_HELD). A record that does not match the email is never accepted.
 */
export function chooseSubject(matches: SubjectMatch[], choice: string | undefined): { subjectId: string | null } | { refusal: string } {
  if (choice === undefined) {
    if (matches.length === 1) return { subjectId: matches[0]!.id };
    return {
      refusal:
        matches.length === 0
          ? "This email matches no customer record: confirm that we hold no data about this person before approving."
          : `This email matches ${matches.length} customer records: choose the one that is this person, or confirm that we hold no data about them.`,
    };
  }
  if (choice === NO_DATA_HELD) {
    if (matches.length === 1) return { refusal: "This email matches one customer record: approve it, or reject the request." };
    return { subjectId: null };
  }
  const match = matches.find((subject) => subject.id === choice);
  return match ? { subjectId: match.id } : { refusal: "That customer record does not match this person's email." };
}

/** Approves, links the chosen data subject and starts the export (in the same transaction). */
export async function approveIdentityCheck({ actor, requestId, context }: StaffCall, subjectChoice?: string): Promise<StaffOutcome> {
  const request = await loadRequest(requestId);
  if (!request) return NOT_FOUND;
  if (request.userId === actor.id) return OWN_REQUEST;
  if (request.mandate?.objectedAt) return OBJECTED;
  // For a request made by an agent, the records of the person the mandate names, never the agent's.
  const matches = await findDataSubjects(subjectEmailOf(request)).catch(() => null);
  if (!matches) return refused("The company's customer records could not be reached, so nothing was decided. Please try again.");
  const choice = chooseSubject(matches, subjectChoice);
  if ("refusal" in choice) return refused(choice.refusal);
  const decided = await withEventOutbox(async (tx) => {
    // An objection that lands while the reviewer decides wins: the mandate row is the lock.
    if (request.mandate && (await objectedMeanwhile(tx, requestId))) return "objected";
    const moved = await transitionRequest(tx, {
      requestId,
      from: AWAITING_IDENTITY,
      to: "APPROVED",
      action: "identity.approved",
      actor: actorOf(actor),
      context,
      data: { subjectId: choice.subjectId },
      // The reviewer's choice of record is part of the decision the regulator may ask about.
      metadata: { method: methodOf(request), matchedSubjects: matches.length, subject: choice.subjectId ?? NO_DATA_HELD },
      events: [exportRequestedEvent(requestId)],
    });
    if (moved) {
      const decision = { status: "APPROVED" as const, reviewerId: actor.id, decidedAt: new Date(), reason: null };
      await tx.identityCheck.upsert({ where: { requestId }, create: { requestId, method: methodOf(request), ...decision }, update: decision });
    }
    return moved;
  });
  if (decided === "objected") return OBJECTED;
  return decided ? DONE : ALREADY_DECIDED;
}

async function objectedMeanwhile(tx: Tx, requestId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ objectedAt: Date | null }[]>`SELECT "objectedAt" FROM "RequestMandate" WHERE "requestId" = ${requestId} FOR UPDATE`;
  return Boolean(row?.objectedAt);
}

/** Rejects with a reason; the customer is emailed the reason and what they can do next. */
export async function rejectIdentityCheck({ actor, requestId, context }: StaffCall, reason: string): Promise<StaffOutcome> {
  const request = await loadRequest(requestId);
  if (!request) return NOT_FOUND;
  if (request.userId === actor.id) return OWN_REQUEST;
  const decided = await withEventOutbox(async (tx) => {
    const moved = await transitionRequest(tx, {
      requestId,
      from: AWAITING_IDENTITY,
      to: "REJECTED",
      action: "identity.rejected",
      actor: actorOf(actor),
      context,
      data: { completedAt: new Date() },
      metadata: { reason },
      events: [customerNoticeRequested.create({ requestId, notice: "rejected" }, { id: `request-rejected/${requestId}` })],
    });
    if (moved) {
      const decision = { status: "REJECTED" as const, reviewerId: actor.id, decidedAt: new Date(), reason };
      await tx.identityCheck.upsert({ where: { requestId }, create: { requestId, method: methodOf(request), ...decision }, update: decision });
    }
    return moved;
  });
  return decided ? DONE : ALREADY_DECIDED;
}
