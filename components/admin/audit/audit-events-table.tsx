import Link from "next/link";
import { cell, DataTable, lastCell } from "@/components/ui/data-table";
import type { AuditLogEvent } from "@/lib/dal/audit-log";
import { formatTimestamp } from "@/lib/format/dates";

const COLUMNS = ["#", "When", "Actor", "Action", "Request", "IP", "Details"] as const;

/** A system actor has no account: it is named (`auth`, `seed`, `cli:<user>`) in the email column. */
function actorName(event: AuditLogEvent): string | null {
  return event.actorType === "SYSTEM" ? `system: ${event.actorEmail}` : (event.actorEmail ?? event.actorId);
}

function AuditEventRow({ event }: { event: AuditLogEvent }) {
  return (
    <tr className="border-b border-zinc-100 align-top">
      <td className={`${cell} tabular-nums text-zinc-600`}>{event.id.toString()}</td>
      <td className={`${cell} whitespace-nowrap`}>{formatTimestamp(event.createdAt)}</td>
      <td className={cell}>{actorName(event)}</td>
      <td className={`${cell} font-mono text-xs`}>{event.action}</td>
      <td className={`${cell} whitespace-nowrap`}>
        {event.request ? (
          <Link
            className="text-brand-700 underline"
            href={`/admin/audit?${new URLSearchParams({ request: event.request.reference })}`}
          >
            {event.request.reference}
          </Link>
        ) : null}
      </td>
      <td className={cell}>{event.ip}</td>
      <td className={`max-w-xs ${lastCell} font-mono text-xs break-all text-zinc-700`}>
        {JSON.stringify(event.metadata)}
      </td>
    </tr>
  );
}

/** One page of audit events, newest first; each request links to the log filtered to it. */
export function AuditEventsTable({ events }: { events: readonly AuditLogEvent[] }) {
  if (events.length === 0) return <p className="mt-2 text-zinc-600">No events match these filters.</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <DataTable caption="Audit events, newest first" columns={COLUMNS} data-testid="audit-events">
        {events.map((event) => (
          <AuditEventRow key={event.id.toString()} event={event} />
        ))}
      </DataTable>
    </div>
  );
}
