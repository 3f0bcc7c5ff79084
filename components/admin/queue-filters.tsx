import { STAFF_REQUEST_TYPES } from "@/lib/requests/request-type";
import { REQUEST_STATUSES, STAFF_STATUS_LABEL } from "@/lib/requests/lifecycle";
import type { QueueFilter } from "@/lib/schemas/staff-requests";

const field = "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm";

/** The queue's filters: a plain GET form, so every view is a link a reviewer can share. */
export function QueueFilters({ filter }: { filter: QueueFilter }) {
  return (
    <form
      method="get"
      action="/admin"
      className="grid gap-3 sm:grid-cols-5 sm:items-end"
      role="search"
      aria-label="Filter requests"
    >
      <label className="text-sm font-medium text-zinc-700">
        Status
        <select name="status" defaultValue={filter.status} className={field}>
          <option value="open">All open</option>
          <option value="all">Any status</option>
          {REQUEST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STAFF_STATUS_LABEL[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-zinc-700">
        Type
        <select name="type" defaultValue={filter.type} className={field}>
          <option value="any">Any type</option>
          <option value="ACCESS">{STAFF_REQUEST_TYPES.ACCESS.title} (Art. 15)</option>
          <option value="PORTABILITY">{STAFF_REQUEST_TYPES.PORTABILITY.title} (Art. 20)</option>
        </select>
      </label>
      <label className="text-sm font-medium text-zinc-700">
        Deadline
        <select name="due" defaultValue={filter.due} className={field}>
          <option value="any">Any deadline</option>
          <option value="overdue">Overdue</option>
          <option value="soon">Due within 7 days</option>
        </select>
      </label>
      <label className="text-sm font-medium text-zinc-700">
        Reference or email
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="DSR-2026-000123" className={field} />
      </label>
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Show requests
      </button>
    </form>
  );
}
