import Link from "next/link";
import { formatDay, formatDateTime } from "@/lib/format/dates";
import { isCheckApproved, isCheckPending, isCheckRejected } from "@/components/admin/identity-state";
import { ReasonField, StaffActionForm } from "@/components/admin/staff-action-form";
import { MandateRows } from "@/components/admin/mandate-panel";
import { Card } from "@/components/ui/card";
import { approveIdentityAction, rejectIdentityAction } from "@/lib/actions/staff-requests";
import { daysLeft } from "@/lib/compliance/days-left";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { AWAITING_IDENTITY, STAFF_STATUS_LABEL } from "@/lib/requests/lifecycle";
import { NO_DATA_HELD } from "@/lib/schemas/staff-requests";

const PROOF_POLICY =
  "The magic-link sign-in proves the email; we ask for no ID documents (data minimisation, Art. 5(1)(c) GDPR).";

const APPROVED_TONE = "bg-green-50 text-green-900";
const REJECTED_TONE = "bg-red-50 text-red-900";

function Decision({ view }: { view: StaffRequestView }) {
  const check = view.request.identityCheck;
  if (!check || isCheckPending(check.status)) return null;
  const who =
    check.method === "EMAIL_AUTO_MATCH"
      ? "automatically (the email matches exactly one customer record)"
      : `by ${check.reviewer?.name ?? check.reviewer?.email ?? "a former member of staff"}`;
  const to = check.method === "AGENT_MANDATE" ? "agent" : "customer";
  return (
    <p
      data-testid="identity-decision"
      className={`rounded-md px-4 py-3 text-sm ${isCheckApproved(check.status) ? APPROVED_TONE : REJECTED_TONE}`}
    >
      {isCheckApproved(check.status) ? "Approved" : "Rejected"} {who}
      {check.decidedAt ? ` on ${formatDateTime(check.decidedAt)}` : ""}.
      {isCheckRejected(check.status) && check.reason ? ` Reason given to the ${to}: “${check.reason}”` : null}
    </p>
  );
}

function DecisionForms({ view }: { view: StaffRequestView }) {
  const { request, matches } = view;
  if (!isCheckPending(request.identityCheck?.status) || !AWAITING_IDENTITY.has(request.status)) return null;
  if (view.ownRequest) {
    return (
      <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
        This is your own request: another member of staff has to decide it.
      </p>
    );
  }
  const objected = Boolean(request.mandate?.objectedAt);
  // With exactly one match the approval links it; otherwise the reviewer says which record, or none.
  const mustChoose = matches !== null && matches.length !== 1;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {objected ? (
        <p className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
          The data subject objected: this request can only be rejected.
        </p>
      ) : (
        <StaffActionForm action={approveIdentityAction} requestId={request.id} submitLabel="Approve identity">
          {mustChoose ? (
            <fieldset>
              <legend className="text-sm font-medium text-zinc-800">Which customer record is this person?</legend>
              {matches.map((match) => (
                <label key={match.id} className="mt-2 flex items-center gap-2 text-sm">
                  <input type="radio" name="subject" value={match.id} required /> {match.displayName} ({match.id}
                  {match.customerSince ? `, customer since ${formatDay(match.customerSince)}` : ""})
                </label>
              ))}
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input type="radio" name="subject" value={NO_DATA_HELD} required /> We hold no data about this person
              </label>
            </fieldset>
          ) : (
            <p className="text-sm text-zinc-700">Approving links the matching customer record and starts the export.</p>
          )}
        </StaffActionForm>
      )}
      <StaffActionForm
        action={rejectIdentityAction}
        requestId={request.id}
        submitLabel="Reject identity"
        variant="danger"
      >
        <ReasonField
          id="reject-reason"
          label="Reason for rejecting"
          hint={`The ${request.mandate ? "agent" : "customer"} is emailed this reason, with how to contest it.`}
        />
      </StaffActionForm>
    </div>
  );
}

function MatchingRecords({ matches }: { matches: StaffRequestView["matches"] }) {
  if (matches === null) return "The company's customer database could not be reached; try again before deciding.";
  if (matches.length === 0) return "None: no customer record has this email.";
  return (
    <>
      {matches.length === 1 ? "1 record" : `${matches.length} records`}
      <ul className="mt-1 list-disc pl-5">
        {matches.map((match) => (
          <li key={match.id}>
            {match.displayName} ({match.id})
            {match.customerSince ? `, customer since ${formatDay(match.customerSince)}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

function EarlierRequests({ earlier }: { earlier: StaffRequestView["earlier"] }) {
  if (earlier.length === 0) return "None";
  return (
    <ul className="list-disc pl-5">
      {earlier.map((other) => (
        <li key={other.id}>
          <Link href={`/admin/requests/${other.id}`} className="text-brand-700 underline">
            {other.reference}
          </Link>{" "}
          {formatDay(other.submittedAt)}, {STAFF_STATUS_LABEL[other.status]}
        </li>
      ))}
    </ul>
  );
}

const AGENT_POLICY =
  "A request made for someone else is never approved automatically: " +
  "check that the mandate covers this person and this request.";

/** The evidence a reviewer decides on: who proved what, which records match, what came before. */
export function IdentityPanel({ view }: { view: StaffRequestView }) {
  const { request, matches, earlier } = view;
  const ageDays = -daysLeft(request.user.createdAt);
  return (
    <Card aria-labelledby="identity-title" className="space-y-4">
      <h2 id="identity-title" className="text-lg font-semibold">
        Identity
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        <MandateRows view={view} />
        <dt className="font-medium text-zinc-600">{request.mandate ? "Agent's account email" : "Account email"}</dt>
        <dd>
          {request.user.email}: proven by a magic-link sign-in
          {request.user.emailVerified ? ` (last used ${formatDateTime(request.user.emailVerified)})` : ""}
        </dd>
        <dt className="font-medium text-zinc-600">Account age</dt>
        <dd>
          Created {formatDay(request.user.createdAt)} ({ageDays <= 1 ? "today" : `${ageDays} days ago`})
        </dd>
        <dt className="font-medium text-zinc-600">Matching customer records</dt>
        <dd data-testid="matching-records">
          <MatchingRecords matches={matches} />
        </dd>
        <dt className="font-medium text-zinc-600">Other requests from this account</dt>
        <dd>
          <EarlierRequests earlier={earlier} />
        </dd>
        <dt className="font-medium text-zinc-600">Policy</dt>
        <dd>
          {PROOF_POLICY}{" "}
          {request.mandate
            ? AGENT_POLICY
            : view.autoApprovePolicy
              ? "An email matching exactly one customer record is approved automatically; " +
                "anything else is decided here."
              : "Every request is decided by a reviewer."}
        </dd>
      </dl>
      <Decision view={view} />
      <DecisionForms view={view} />
    </Card>
  );
}
