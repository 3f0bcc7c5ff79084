import "server-only";
import type { AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { cancelRequestByStaff } from "@/lib/requests/cancel-by-staff";
import { findDataSubjects, subjectEmailOf, type SubjectMatch } from "@/lib/requests/data-subject";
import { approveIdentityCheck, rejectIdentityCheck } from "@/lib/requests/decide-identity";
import { extendDeadline } from "@/lib/requests/extend-deadline";
import { decideDisclosureFinding, decideRemainingFindings } from "@/lib/requests/release-review";
import { requestSourceRetry } from "@/lib/requests/request-source-retry";
import { fourEyesRefusal, type StaffOutcome } from "@/lib/requests/staff-outcome";
import type {
  ApproveIdentityInput,
  CancelRequestInput,
  DecideFindingInput,
  DecideRemainingFindingsInput,
  ExtendDeadlineInput,
  RejectIdentityInput,
  RetrySourceInput,
} from "@/lib/schemas/staff-requests";
import { isStaff, type Viewer } from "./session";

// Staff reads and writes of one privacy request. Only staff get here (the page and the action
// check the role, and so does every function below); an unknown id is "not found" like any other.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMELINE_LIMIT = 500;
const FINDINGS_LIMIT = 500;

function assertStaff(viewer: Viewer, what: string): void {
  if (!isStaff(viewer)) throw new Error(`${what} needs a staff viewer`);
}

/** Everything the request page shows: the request, the identity evidence, history and timeline. */
export async function findRequestForStaff(viewer: Viewer, id: string) {
  assertStaff(viewer, "findRequestForStaff");
  if (!UUID.test(id)) return null;
  const request = await db.privacyRequest.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, email: true, name: true, createdAt: true, emailVerified: true } },
      identityCheck: { include: { reviewer: { select: { email: true, name: true } } } },
      sources: true,
      archives: { orderBy: { createdAt: "desc" }, take: 1 },
      mandate: { omit: { storageKey: true } },
      // Art. 15(4): other people's data in the subject's free text, for the review before release.
      disclosureFindings: {
        // Undecided first (the enum's order), so a long review never hides what is left to decide.
        orderBy: [{ decision: "asc" }, { sourceKey: "asc" }, { recordIndex: "asc" }, { path: "asc" }, { start: "asc" }],
        take: FINDINGS_LIMIT,
        include: { reviewer: { select: { email: true } } },
      },
    },
  });
  if (!request) return null;
  const [matches, earlier, timeline, pendingFindings, agentSubjects] = await Promise.all([
    // The company's systems may be unreachable: the page says so instead of failing. For a request
    // made by an agent, the records of the person the mandate names.
    findDataSubjects(subjectEmailOf(request)).catch((): SubjectMatch[] | null => null),
    db.privacyRequest.findMany({
      where: { userId: request.userId, id: { not: id } },
      orderBy: { submittedAt: "desc" },
      take: 20,
      select: { id: true, reference: true, type: true, status: true, submittedAt: true },
    }),
    db.auditEvent.findMany({
      where: { requestId: id },
      orderBy: { id: "asc" },
      take: TIMELINE_LIMIT,
      select: {
        id: true,
        createdAt: true,
        action: true,
        actorType: true,
        actorEmail: true,
        targetId: true,
        metadata: true,
      },
    }),
    // All of them, beyond the findings listed on the page.
    db.disclosureFinding.count({ where: { requestId: id, decision: "PENDING" } }),
    request.mandate ? countAgentSubjects(request.userId) : Promise.resolve(0),
  ]);
  return {
    request,
    matches,
    earlier,
    timeline,
    pendingFindings,
    autoApprovePolicy: env().autoApproveIdentity,
    /** How many different people this agent has asked for (one agent, many subjects: look closer). */
    agentSubjects,
    agentSubjectsFlag: agentSubjects > env().AGENT_SUBJECTS_FLAG_THRESHOLD,
    // Four eyes: the page offers no decision on the viewer's own request, nor on one made for them.
    ownRequest:
      fourEyesRefusal({ userId: request.userId, subjectEmail: request.mandate?.subjectEmail }, viewer) !== null,
  };
}

async function countAgentSubjects(agentUserId: string): Promise<number> {
  const rows = await db.requestMandate.findMany({
    where: { agentUserId },
    distinct: ["subjectEmail"],
    select: { subjectEmail: true },
  });
  return rows.length;
}

export type StaffRequestView = NonNullable<Awaited<ReturnType<typeof findRequestForStaff>>>;

const staffCall = (viewer: Viewer, requestId: string, context: AuditContext) => ({
  actor: { id: viewer.id, email: viewer.email },
  requestId,
  context,
});

export function approveIdentity(
  viewer: Viewer,
  input: ApproveIdentityInput,
  context: AuditContext,
): Promise<StaffOutcome> {
  assertStaff(viewer, "approveIdentity");
  return approveIdentityCheck(staffCall(viewer, input.requestId, context), input.subject);
}

export function rejectIdentity(
  viewer: Viewer,
  input: RejectIdentityInput,
  context: AuditContext,
): Promise<StaffOutcome> {
  assertStaff(viewer, "rejectIdentity");
  return rejectIdentityCheck(staffCall(viewer, input.requestId, context), input.reason);
}

export function extendRequestDeadline(
  viewer: Viewer,
  input: ExtendDeadlineInput,
  context: AuditContext,
): Promise<StaffOutcome> {
  assertStaff(viewer, "extendRequestDeadline");
  return extendDeadline(staffCall(viewer, input.requestId, context), input);
}

export function cancelRequestAsStaff(
  viewer: Viewer,
  input: CancelRequestInput,
  context: AuditContext,
): Promise<StaffOutcome> {
  assertStaff(viewer, "cancelRequestAsStaff");
  return cancelRequestByStaff(staffCall(viewer, input.requestId, context), input.reason);
}

export function retryFailedSource(
  viewer: Viewer,
  input: RetrySourceInput,
  context: AuditContext,
): Promise<StaffOutcome> {
  assertStaff(viewer, "retryFailedSource");
  return requestSourceRetry(staffCall(viewer, input.requestId, context), input.sourceKey);
}

export function decideFinding(viewer: Viewer, input: DecideFindingInput, context: AuditContext): Promise<StaffOutcome> {
  assertStaff(viewer, "decideFinding");
  return decideDisclosureFinding(staffCall(viewer, input.requestId, context), input);
}

export function decideRemaining(
  viewer: Viewer,
  input: DecideRemainingFindingsInput,
  context: AuditContext,
): Promise<StaffOutcome> {
  assertStaff(viewer, "decideRemaining");
  return decideRemainingFindings(staffCall(viewer, input.requestId, context), input);
}
