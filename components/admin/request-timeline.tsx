import { formatDateTime } from "@/lib/format/dates";
import { Card } from "@/components/ui/card";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { countOf } from "@/lib/format/counts";

// The request's story from the audit log: every transition, step, email and download, oldest first.

const LABEL: Record<string, string> = {
  "request.submitted": "Request received",
  "request.cancelled": "Cancelled",
  "request.extended": "Deadline extended",
  "identity.approved": "Identity approved",
  "identity.rejected": "Identity rejected",
  "request.collecting": "Collection started",
  "request.release_review": "Held: other people's data to review (Art. 15(4))",
  "request.released": "Released after review",
  "disclosure.redacted": "Passage redacted",
  "disclosure.kept": "Passage kept",
  "source.redacted": "Source restaged with redactions",
  "request.packaging": "Packaging the archive",
  "request.ready": "Ready for download",
  "request.failed": "Failed",
  "request.expired": "Archive expired",
  "source.collected": "Source collected",
  "source.failed": "Source failed",
  "source.retry_requested": "Source retry requested",
  "archive.created": "Archive created",
  "archive.deleted": "Archive deleted",
  "archive.downloaded": "Downloaded",
  "email.sent": "Email sent",
  "mandate.received": "Mandate received",
  "mandate.viewed": "Mandate opened",
  "mandate.objected": "The data subject objected",
  "mandate.deleted": "Mandate deleted",
};

function details(event: StaffRequestView["timeline"][number]): string {
  const metadata = (event.metadata ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (event.targetId && event.action.startsWith("source.")) parts.push(event.targetId);
  if (typeof metadata.template === "string") parts.push(metadata.template.replaceAll("-", " "));
  if (typeof metadata.reason === "string") parts.push(`“${metadata.reason}”`);
  if (typeof metadata.subject === "string")
    parts.push(metadata.subject === "none" ? "no data held" : `record ${metadata.subject}`);
  if (typeof metadata.findings === "number") parts.push(countOf(metadata.findings, "passage", "passages"));
  if (typeof metadata.redacted === "number") parts.push(`${metadata.redacted} redacted`);
  if (typeof metadata.records === "number") parts.push(countOf(metadata.records, "record", "records"));
  if (typeof metadata.extendedDueAt === "string") parts.push(`to ${metadata.extendedDueAt.slice(0, 10)}`);
  if (typeof metadata.error === "string") parts.push(metadata.error);
  return parts.join(", ");
}

export function RequestTimeline({ view }: { view: StaffRequestView }) {
  return (
    <Card aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="text-lg font-semibold">
        Timeline
      </h2>
      <ol className="mt-4 space-y-2 text-sm" data-testid="request-timeline">
        {view.timeline.map((event) => (
          <li key={event.id.toString()} className="grid gap-1 border-l-2 border-zinc-200 pl-3 sm:grid-cols-[13rem_1fr]">
            <span className="text-zinc-600">{formatDateTime(event.createdAt)}</span>
            <span>
              <span className="font-medium">{LABEL[event.action] ?? event.action}</span>
              {event.actorType === "USER" ? ` by ${event.actorEmail ?? "a user"}` : ""}
              {details(event) ? <span className="text-zinc-700">: {details(event)}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
