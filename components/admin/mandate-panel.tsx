import { STAFF_RELATIONSHIP_LABEL } from "@/components/mandate-relationship";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { formatDateTime } from "@/lib/format/dates";

// What a reviewer decides a request made for someone else on (GDPR recital 63, Art. 12(6)): who
// asked and as what, the mandate itself, whether the data subject was told and whether they
// objected, and how many other people this agent has asked for.

const KIND: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image" };

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Rows for the identity panel's list; nothing for a request the data subject made themselves. */
export function MandateRows({ view }: { view: StaffRequestView }) {
  const { mandate } = view.request;
  if (!mandate) return null;
  return (
    <>
      <dt className="font-medium text-zinc-600">Asked for</dt>
      <dd data-testid="mandate-subject">
        {mandate.subjectEmail}, by {view.request.user.email} as their{" "}
        <strong>{STAFF_RELATIONSHIP_LABEL[mandate.relationship].toLowerCase()}</strong>
      </dd>
      <dt className="font-medium text-zinc-600">Mandate</dt>
      <dd data-testid="mandate-file">
        {mandate.deletedAt ? (
          `Deleted on ${formatDateTime(mandate.deletedAt)} (retention ended).`
        ) : (
          <a
            href={`/admin/requests/${view.request.id}/mandate`}
            className="text-brand-700 underline"
            target="_blank"
            rel="noopener"
          >
            Open the mandate ({KIND[mandate.contentType] ?? mandate.contentType}, {sizeText(mandate.sizeBytes)})
          </a>
        )}
        <span className="block text-xs text-zinc-600">
          {/* Only the 64-character hash may break anywhere; the words break as words. */}
          SHA-256 <code className="break-all">{mandate.sha256}</code>; every opening is recorded in the audit log.
        </span>
      </dd>
      <dt className="font-medium text-zinc-600">Data subject told</dt>
      <dd>
        {mandate.subjectNotifiedAt
          ? `Emailed at their own address on ${formatDateTime(mandate.subjectNotifiedAt)}`
          : "Not yet: the email is on its way."}
      </dd>
      <dt className="font-medium text-zinc-600">Objection</dt>
      <dd data-testid="mandate-objection">
        {mandate.objectedAt ? (
          <strong className="text-red-800">
            The data subject objected on {formatDateTime(mandate.objectedAt)}. Reject the request; the agent is told
            your reason.
          </strong>
        ) : (
          "None so far."
        )}
      </dd>
      <dt className="font-medium text-zinc-600">This agent&apos;s requests</dt>
      <dd data-testid="agent-subjects">
        For {view.agentSubjects === 1 ? "1 person" : `${view.agentSubjects} different people`}
        {view.agentSubjectsFlag ? (
          <strong className="ml-1 text-amber-800">: many subjects, check the mandates with care.</strong>
        ) : null}
      </dd>
    </>
  );
}
