import { ReasonField, StaffActionForm } from "@/components/admin/staff-action-form";
import { Card } from "@/components/ui/card";
import { decideFindingAction, decideRemainingFindingsAction } from "@/lib/actions/staff-requests";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { formatDateTime } from "@/lib/format/dates";
import { AWAITING_RELEASE_REVIEW } from "@/lib/requests/lifecycle";
import { getSource } from "@/lib/sources/registry";

// Art. 15(4) GDPR, the review before release: each passage of another person's data found in the
// subject's free text, in its context, with a redact-or-keep decision and a reason.

type Finding = StaffRequestView["request"]["disclosureFindings"][number];

const KIND_TEXT = { EMAIL: "Email address", PHONE: "Phone number", NAME: "Name of another customer" } as const;

function sourceTitle(key: string): string {
  try {
    return getSource(key).title;
  } catch {
    return key; // a source since removed from the registry
  }
}

const FORGOTTEN =
  "The passage is no longer kept: other people's data goes when the archive is deleted or the request cancelled.";

/** The passage as found; "…" marks only where the text goes on (the scan puts it in). */
function Passage({ finding }: { finding: Finding }) {
  const style = "rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-800";
  if (!finding.matched) {
    // Blanked with the archive at the end of its download period, or on cancelling (lib/disclosure/forget-passages.ts).
    return <p className={`${style} italic`}>{FORGOTTEN}</p>;
  }
  return (
    <blockquote className={`${style} font-mono`} data-testid="finding-passage">
      {finding.before}
      <mark className="bg-amber-200 px-0.5 text-zinc-950">{finding.matched}</mark>
      {finding.after}
    </blockquote>
  );
}

function DecisionChoice({ legend }: { legend: string }) {
  return (
    <fieldset className="flex gap-4 text-sm">
      <legend className="sr-only">{legend}</legend>
      <label className="flex items-center gap-1">
        <input type="radio" name="decision" value="REDACT" required defaultChecked /> Redact from the archive
      </label>
      <label className="flex items-center gap-1">
        <input type="radio" name="decision" value="KEEP" /> Keep it
      </label>
    </fieldset>
  );
}

const REASON_HINT = "Kept in the audit log. The customer is told how many passages were redacted, not why each one.";

function DecisionForm({ finding, requestId }: { finding: Finding; requestId: string }) {
  return (
    <StaffActionForm
      action={decideFindingAction}
      requestId={requestId}
      fields={{ findingId: finding.id }}
      submitLabel="Save decision"
      variant="secondary"
    >
      <DecisionChoice legend="Decision on this passage" />
      <ReasonField id={`finding-${finding.id}-reason`} label="Reason" hint={REASON_HINT} />
    </StaffActionForm>
  );
}

/** One decision for every passage left: a long conversation about one other person. */
function RemainingForm({ requestId, pending }: { requestId: string; pending: number }) {
  return (
    <details className="rounded-md bg-zinc-50 px-4 py-3">
      <summary className="cursor-pointer text-sm font-medium text-zinc-800">
        Decide all {pending} remaining passages at once
      </summary>
      <StaffActionForm
        action={decideRemainingFindingsAction}
        requestId={requestId}
        submitLabel={`Decide all ${pending} passages`}
        variant="secondary"
        className="mt-3"
      >
        <DecisionChoice legend="Decision on every remaining passage" />
        <ReasonField id="remaining-reason" label="Reason for all of them" hint={REASON_HINT} />
      </StaffActionForm>
    </details>
  );
}

function Decided({ finding }: { finding: Finding }) {
  return (
    <p className="text-sm text-zinc-700" data-testid="finding-decision">
      {finding.decision === "REDACT" ? "Redacted" : "Kept"} by {finding.reviewer?.email ?? "a former member of staff"}
      {finding.decidedAt ? ` on ${formatDateTime(finding.decidedAt)}` : ""}: “{finding.reason}”
    </p>
  );
}

const REVIEW_INTRO =
  "The customer's free text mentions other people. Redact each passage that would disclose another person's " +
  "data, or keep it (for example, a name the customer wrote about themselves).";
// Released or cancelled: no more instructions, only the record.
const DONE_INTRO = "The customer's free text mentioned other people: each passage, and what was decided on it.";

export function DisclosurePanel({ view }: { view: StaffRequestView }) {
  const { request } = view;
  const findings = request.disclosureFindings;
  if (findings.length === 0) return null;
  const open = AWAITING_RELEASE_REVIEW.has(request.status);
  const pending = view.pendingFindings;
  return (
    <Card aria-labelledby="disclosure-title" className="space-y-4" data-testid="disclosure-panel">
      <h2 id="disclosure-title" className="text-lg font-semibold">
        Other people&apos;s data (Art. 15(4) GDPR)
      </h2>
      <p className="text-sm text-zinc-700">
        {open
          ? `${REVIEW_INTRO} ${pending} still to decide; the archive is packaged once every passage is decided.`
          : DONE_INTRO}
      </p>
      {open && view.ownRequest ? (
        <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This is your own request: another member of staff has to review it.
        </p>
      ) : null}
      {open && !view.ownRequest && pending > 1 ? <RemainingForm requestId={request.id} pending={pending} /> : null}
      <ol className="space-y-4">
        {findings.map((finding) => (
          <li key={finding.id} className="space-y-2 border-t border-zinc-100 pt-3" data-testid="disclosure-finding">
            <p className="text-sm font-medium text-zinc-800">
              {KIND_TEXT[finding.kind]} in {sourceTitle(finding.sourceKey)}, record {finding.recordIndex + 1},{" "}
              <code>{finding.path}</code>
            </p>
            <Passage finding={finding} />
            {finding.decision !== "PENDING" ? (
              <Decided finding={finding} />
            ) : open && !view.ownRequest ? (
              <DecisionForm finding={finding} requestId={request.id} />
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
