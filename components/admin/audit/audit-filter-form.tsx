import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditLogFilter } from "@/lib/schemas/audit-log";

const label = "text-sm font-medium text-zinc-800";
const input = "mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm";

/**
 * The audit log's filters as a plain GET form, so a filtered view is a URL a reviewer can share.
 * `query` is the current filter as a query string; the CSV link exports exactly what the table shows.
 */
export function AuditFilterForm({ filter, query }: { filter: AuditLogFilter; query: string }) {
  return (
    <form method="get" action="/admin/audit" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <label className={label}>
        Actor (email or system name)
        <input name="actor" defaultValue={filter.actor ?? ""} className={input} />
      </label>
      <label className={label}>
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
      <label className={label}>
        Request (reference or id)
        <input name="request" defaultValue={filter.request ?? ""} placeholder="DSR-2026-000123" className={input} />
      </label>
      <label className={label}>
        From (UTC)
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
      </label>
      <label className={label}>
        To (UTC)
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
      </label>
      <AuditFilterActions query={query} />
    </form>
  );
}

function AuditFilterActions({ query }: { query: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
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
  );
}

/** The filters that did not parse, each with why it was ignored (from `parseAuditLogFilter`). */
export function AuditFilterProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="mt-4 text-sm text-red-700">
      <ul className="list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
