import { formatDay } from "@/lib/format/dates";
import { ReasonField, StaffActionForm } from "@/components/admin/staff-action-form";
import { Card } from "@/components/ui/card";
import { cancelRequestAction, extendDeadlineAction } from "@/lib/actions/staff-requests";
import { daysLeft } from "@/lib/compliance/days-left";
import { extendedDueDate } from "@/lib/compliance/legal-clock";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { CANCELLABLE_BY_STAFF, EXTENDABLE, isOpen } from "@/lib/requests/lifecycle";

/** Art. 12(3): why an extension is or is not on offer, so the reviewer is never left guessing. */
function extensionBlocker(view: StaffRequestView, now: Date): string | null {
  const { request } = view;
  if (!EXTENDABLE.has(request.status)) return "Only an open request can be extended.";
  if (request.extendedDueAt) return null; // shown as the extension itself
  if (view.ownRequest) return "This is your own request: another member of staff has to extend it.";
  if (now > request.dueAt) {
    return "The original deadline has passed: an extension must be sent within the first month (Art. 12(3)).";
  }
  return null;
}

const term = "font-medium text-zinc-600";

/** Received, due, the extension if any, and the days left while the request is open. */
function DeadlineDates({ request, now }: { request: StaffRequestView["request"]; now: Date }) {
  const left = daysLeft(request.extendedDueAt ?? request.dueAt, now);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      <dt className={term}>Received</dt>
      <dd>{formatDay(request.submittedAt)}</dd>
      <dt className={term}>Due (one month)</dt>
      <dd>{formatDay(request.dueAt)}</dd>
      {request.extendedDueAt ? (
        <>
          <dt className={term}>Extended to</dt>
          <dd data-testid="extended-due">
            {formatDay(request.extendedDueAt)}, because: “{request.extensionReason}”
          </dd>
        </>
      ) : null}
      {isOpen(request.status) ? (
        <>
          <dt className={term}>Days left</dt>
          <dd className={left < 0 ? "font-semibold text-red-700" : ""}>
            {left < 0 ? `Overdue by ${-left} days` : left}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Art. 12(3): by one or two further months, counted from receipt; the customer is told why. */
function ExtendForm({ request }: { request: StaffRequestView["request"] }) {
  return (
    <StaffActionForm action={extendDeadlineAction} requestId={request.id} submitLabel="Extend the deadline">
      <label className="block text-sm font-medium text-zinc-800">
        Extend by
        <select name="months" defaultValue="1" className="ml-2 rounded-md border border-zinc-300 px-2 py-1 text-sm">
          <option value="1">1 month (to {formatDay(extendedDueDate(request.submittedAt, 1))})</option>
          <option value="2">2 months (to {formatDay(extendedDueDate(request.submittedAt, 2))})</option>
        </select>
      </label>
      <ReasonField
        id="extend-reason"
        label="Reason for the extension"
        hint="The customer is emailed this reason and the new date at once."
      />
    </StaffActionForm>
  );
}

function CancelForm({ requestId }: { requestId: string }) {
  return (
    <details className="rounded-md border border-zinc-200 p-3">
      <summary className="cursor-pointer text-sm font-medium">Cancel this request</summary>
      <StaffActionForm
        action={cancelRequestAction}
        requestId={requestId}
        submitLabel="Cancel the request"
        variant="danger"
        className="mt-3"
      >
        <ReasonField id="cancel-reason" label="Reason for cancelling" hint="The customer is emailed this reason." />
      </StaffActionForm>
    </details>
  );
}

/** The legal deadline, its extension, and closing the request. */
export function DeadlinePanel({ view, now = new Date() }: { view: StaffRequestView; now?: Date }) {
  const { request } = view;
  const blocker = extensionBlocker(view, now);
  const canExtend = !blocker && !request.extendedDueAt;
  return (
    <Card aria-labelledby="deadline-title" className="space-y-4">
      <h2 id="deadline-title" className="text-lg font-semibold">
        Deadline
      </h2>
      <DeadlineDates request={request} now={now} />
      {blocker ? <p className="text-sm text-zinc-600">{blocker}</p> : null}
      {canExtend ? <ExtendForm request={request} /> : null}
      {CANCELLABLE_BY_STAFF.has(request.status) && !view.ownRequest ? <CancelForm requestId={request.id} /> : null}
    </Card>
  );
}
