import { customerNoticeRequested } from "@/lib/events/definitions";
import { db, type Tx } from "@/lib/db";
import { IdentityCheckStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { withEventOutbox } from "@/lib/events/outbox";
import { NO_DATA_HELD } from "@/lib/schemas/staff-requests";
import { findDataSubjects, subjectEmailOf, type SubjectMatch } from "./data-subject";
import { AWAITING_IDENTITY } from "./lifecycle";
import { exportRequestedEvent } from "./queue-export";
import { actorOf, DONE, fourEyesRefusal, NOT_FOUND, refused, type StaffCall, type StaffOutcome } from "./staff-outcome";
import { transitionRequest } from "./transition";

// A reviewer's decision on a pending identity check. The request's status is the lock: the
// transition only happens from a status awaiting identity, so of two concurrent decisions exactly
// one lands, and the other is told it was already decided.

const ALREADY_DECIDED = refused("This identity check was already decided, or the request was withdrawn.");

const OBJECTED = refused(
  "The data subject objected to this request made on their behalf: reject it; the agent is told your reason.",
);

async function loadRequest(requestId: string) {
  return db.privacyRequest.findUnique({
    where: { id: requestId },
    select: {
      userId: true,
      user: { select: { email: true } },
      mandate: { select: { subjectEmail: true, objectedAt: true } },
    },
  });
}

/** The identity check's method as the request was made: by the account's owner, or by an agent with a mandate. */
const methodOf = (request: { mandate: unknown }) =>
  request.mandate ? ("AGENT_MANDATE" as const) : ("EMAIL_REVIEW" as const);

/**
 * Which customer record the approval links. One match is taken as is; with none or several the
 * reviewer must pick one of the matches, or confirm that the company holds no data about this
 * person (NO_DATA_HELD). A record that does not match the email is never accepted.
 */
export function chooseSubject(
  matches: SubjectMatch[],
  choice: string | undefined,
): { subjectId: string | null } | { refusal: string } {
  if (choice === undefined) {
    if (matches.length === 1) return { subjectId: matches[0]!.id };
    return {
      refusal:
        matches.length === 0
          ? "This email matches no customer record: confirm that we hold no data about this person before approving."
          : `This email matches ${matches.length} customer records: choose the one that is this person, ` +
            "or confirm that we hold no data about them.",
    };
  }
  if (choice === NO_DATA_HELD) {
    if (matches.length === 1)
      return { refusal: "This email matches one customer record: approve it, or reject the request." };
    return { subjectId: null };
  }
  const match = matches.find((subject) => subject.id === choice);
  return match ? { subjectId: match.id } : { refusal: "That customer record does not match this person's email." };
}

/** Approves, links the chosen data subject and starts the export (in the same transaction). */
export async function approveIdentityCheck(call: StaffCall, subjectChoice?: string): Promise<StaffOutcome> {
  const request = await loadRequest(call.requestId);
  if (!request) return NOT_FOUND;
  const notYours = fourEyesRefusal({ userId: request.userId, subjectEmail: request.mandate?.subjectEmail }, call.actor);
  if (notYours) return notYours;
  if (request.mandate?.objectedAt) return OBJECTED;
  // For a request made by an agent, the records of the person the mandate names, never the agent's.
  const matches = await findDataSubjects(subjectEmailOf(request)).catch(() => null);
  if (!matches)
    return refused("The company's customer records could not be reached, so nothing was decided. Please try again.");
  const choice = chooseSubject(matches, subjectChoice);
  if ("refusal" in choice) return refused(choice.refusal);
  return decide(call, {
    to: RequestStatus.APPROVED,
    check: IdentityCheckStatus.APPROVED,
    action: "identity.approved",
    data: { subjectId: choice.subjectId },
    // The reviewer's choice of record is part of the decision the regulator may ask about.
    metadata: { method: methodOf(request), matchedSubjects: matches.length, subject: choice.subjectId ?? NO_DATA_HELD },
    events: [exportRequestedEvent(call.requestId)],
    reason: null,
    method: methodOf(request),
    // An objection that lands while the reviewer decides wins: the mandate row is the lock.
    unlessObjected: Boolean(request.mandate),
  });
}

/** Rejects with a reason; the customer is emailed the reason and what they can do next. */
export async function rejectIdentityCheck(call: StaffCall, reason: string): Promise<StaffOutcome> {
  const request = await loadRequest(call.requestId);
  if (!request) return NOT_FOUND;
  const notYours = fourEyesRefusal({ userId: request.userId, subjectEmail: request.mandate?.subjectEmail }, call.actor);
  if (notYours) return notYours;
  const { requestId } = call;
  return decide(call, {
    to: RequestStatus.REJECTED,
    check: IdentityCheckStatus.REJECTED,
    action: "identity.rejected",
    data: { completedAt: new Date() },
    metadata: { reason },
    events: [
      customerNoticeRequested.create({ requestId, notice: "rejected" }, { id: `request-rejected/${requestId}` }),
    ],
    reason,
    method: methodOf(request),
  });
}

type TransitionInput = Parameters<typeof transitionRequest>[1];
type Decision = Required<Pick<TransitionInput, "action" | "data" | "metadata" | "events">> & {
  to: typeof RequestStatus.APPROVED | typeof RequestStatus.REJECTED;
  check: typeof IdentityCheckStatus.APPROVED | typeof IdentityCheckStatus.REJECTED;
  reason: string | null;
  method: "EMAIL_REVIEW" | "AGENT_MANDATE";
  /** A request made for someone else is approved only if its subject has not objected meanwhile. */
  unlessObjected?: boolean;
};

/**
 * Either decision, in one transaction: the request leaves identity review, the check records who
 * decided what and why, and the events the decision sets in motion go into the outbox.
 */
async function decide({ actor, requestId, context }: StaffCall, decision: Decision): Promise<StaffOutcome> {
  const { to, check, reason, method, unlessObjected, ...transition } = decision;
  const decided = await withEventOutbox(async (tx) => {
    if (unlessObjected && (await objectedMeanwhile(tx, requestId))) return "objected";
    const moved = await transitionRequest(tx, {
      requestId,
      from: AWAITING_IDENTITY,
      to,
      actor: actorOf(actor),
      context,
      ...transition,
    });
    if (moved) {
      const recorded = { status: check, reviewerId: actor.id, decidedAt: new Date(), reason };
      await tx.identityCheck.upsert({
        where: { requestId },
        create: { requestId, method, ...recorded },
        update: recorded,
      });
    }
    return moved;
  });
  if (decided === "objected") return OBJECTED;
  return decided ? DONE : ALREADY_DECIDED;
}

async function objectedMeanwhile(tx: Tx, requestId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ objectedAt: Date | null }[]>`
    SELECT "objectedAt" FROM "RequestMandate" WHERE "requestId" = ${requestId} FOR UPDATE`;
  return Boolean(row?.objectedAt);
}
