import type { Metadata } from "next";
import Link from "next/link";
import { VerifyChain } from "@/components/admin/verify-chain";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { listAuditEvents } from "@/lib/dal/audit-log";
import { requireStaff } from "@/lib/dal/session";
import { formatTimestamp } from "@/lib/format/dates";
import { auditLogFilterParams, parseAuditLogFilter, type SearchParams } from "@/lib/schemas/audit-log";

export const metadata: Metadata = { title: "Audit log" };

const input = "mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireStaff("/admin/audit");
  const { filter, problems } = parseAuditLogFilter(await searchParams);
  const { events, olderThan } = await listAuditEvents(viewer, filter);
  const params = auditLogFilterParams(filter);
  const query = params.size > 0 ? `?${params}` : "";
  const olderParams = new URLSearchParams(params);
  if (olderThan !== null) olderParams.set("before", olderThan.toString());

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every state change the portal records, newest first. Each event carries the hash of the one before it, so an edit is detectable.">
        <VerifyChain />
      </PageHeader>

      <Card aria-labelledby="filter-title">
        <h2 id="filter-title" className="text-lg font-semibold">
          Filter events
        </h2>
        <form method="get" action="/admin/audit" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <label className="text-sm font-medium text-zinc-800">
            Actor (email or system name)
            <input name="actor" defaultValue={filter.actor ?? ""} className={input} />
          </label>
          <label className="text-sm font-medium text-zinc-800">
            Action
            <select name="action" defaultValue={filter.action ?? ""} className={input}>
              <option value="">Any action</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-zinc-800">
            Request (reference or id)
            <input name="request" defaultValue={filter.request ?? ""} placeholder="DSR-2026-000123" className={input} />
          </label>
          <label className="text-sm font-medium text-zinc-800">
            From (UTC)
            <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
          </label>
          <label className="text-sm font-medium text-zinc-800">
            To (UTC)
            <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
          </label>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              Filter
            </button>
            <Link href="/admin/audit" className="text-sm font-medium text-brand-700 underline">
              Clear filters
            </Link>
            {/* A plain link: the browser streams the file to disk instead of holding it in the page. */}
            <a href={`/admin/audit/export${query}`} download className="text-sm font-medium text-brand-700 underline">
              Download these events as CSV
            </a>
          </div>
        </form>
        {problems.length > 0 ? (
          <div role="alert" className="mt-4 text-sm text-red-700">
            <ul className="list-disc pl-5">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card aria-labelledby="events-title">
        <h2 id="events-title" className="text-lg font-semibold">
          Events
        </h2>
        {events.length === 0 ? (
          <p className="mt-2 text-zinc-600">No events match these filters.</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="audit-events">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="border-b border-zinc-200 text-zinc-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">#</th>
                  <th scope="col" className="py-2 pr-4 font-medium">When</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Actor</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Action</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Request</th>
                  <th scope="col" className="py-2 pr-4 font-medium">IP</th>
                  <th scope="col" className="py-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id.toString()} className="border-b border-zinc-100 align-top">
                    <td className="py-2 pr-4 tabular-nums text-zinc-600">{event.id.toString()}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{formatTimestamp(event.createdAt)}</td>
                    <td className="py-2 pr-4">{event.actorType === "SYSTEM" ? `system: ${event.actorEmail}` : (event.actorEmail ?? event.actorId)}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{event.action}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {event.request ? (
                        <Link className="text-brand-700 underline" href={`/admin/audit?${new URLSearchParams({ request: event.request.reference })}`}>
                          {event.request.reference}
                        </Link>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4">{event.ip}</td>
                    <td className="max-w-xs py-2 font-mono text-xs break-all text-zinc-700">{JSON.stringify(event.metadata)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Audit log pages" className="mt-4 flex gap-4 text-sm">
          {filter.before !== undefined ? (
            <Link className="font-medium text-brand-700 underline" href={`/admin/audit${query}`}>
              Newest events
            </Link>
          ) : null}
          {olderThan !== null ? (
            <Link className="font-medium text-brand-700 underline" href={`/admin/audit?${olderParams}`}>
              Older events
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
