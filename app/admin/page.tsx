import Link from "next/link";
import { formatDay } from "@/lib/format/dates";
import { identityStateLabel } from "@/components/admin/identity-state";
import { QueueFilters } from "@/components/admin/queue-filters";
import { STAFF_REQUEST_TYPES } from "@/lib/requests/request-type";
import { Card } from "@/components/ui/card";
import { cell, DataTable, lastCell } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/dal/session";
import { listQueuePage, type QueueRow } from "@/lib/dal/staff-queue";
import { isDelivered, STAFF_STATUS_LABEL } from "@/lib/requests/lifecycle";
import { parseQueueFilter, type QueueFilter } from "@/lib/schemas/staff-requests";

// Its title comes from app/admin/layout.tsx, which shows it to staff only.

function pageLink(filter: QueueFilter, after?: string): string {
  const params = new URLSearchParams();
  if (filter.status !== "open") params.set("status", filter.status);
  if (filter.type !== "any") params.set("type", filter.type);
  if (filter.due !== "any") params.set("due", filter.due);
  if (filter.q) params.set("q", filter.q);
  if (after) params.set("after", after);
  const query = params.toString();
  return query ? `/admin?${query}` : "/admin";
}

function DaysLeft({ row }: { row: QueueRow }) {
  if (row.overdue) return <span className="font-semibold text-red-700">Overdue by {Math.max(-row.daysLeft, 1)} d</span>;
  if (row.dueSoon) return <span className="font-semibold text-amber-800">{row.daysLeft} d, due soon</span>;
  return <span>{isDelivered(row.status) || row.daysLeft < 0 ? "–" : `${row.daysLeft} d`}</span>;
}

// A badge is one phrase: it moves to the next line whole rather than breaking inside.
const BADGE = "ml-1 inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs";

/** Who asked; for a request made for someone else, the data subject and the flags a reviewer must see. */
function RequesterCell({ row, threshold }: { row: QueueRow; threshold: number }) {
  if (!row.subjectEmail) return <>{row.email}</>;
  return (
    <>
      {row.subjectEmail}
      <span className={`${BADGE} bg-sky-100 text-sky-900`} data-testid="agent-flag">
        by agent
      </span>
      {row.objectedAt ? <span className={`${BADGE} bg-red-100 text-red-900`}>subject objected</span> : null}
      {row.agentSubjects > threshold ? (
        <span className={`${BADGE} bg-amber-100 text-amber-900`} data-testid="many-subjects-flag">
          agent has {row.agentSubjects} subjects
        </span>
      ) : null}
      <span className="block text-xs text-zinc-600">asked by {row.email}</span>
    </>
  );
}

const COLUMNS = ["Reference", "Customer", "Type", "Received", "Due", "Days left", "Status", "Identity"] as const;

function QueueTableRow({ row, threshold }: { row: QueueRow; threshold: number }) {
  return (
    <tr className="border-b border-zinc-100">
      <td className={`${cell} whitespace-nowrap font-medium`}>
        <Link href={`/admin/requests/${row.id}`} className="text-brand-700 underline">
          {row.reference}
        </Link>
      </td>
      <td className={cell}>
        <RequesterCell row={row} threshold={threshold} />
      </td>
      <td className={cell}>
        {row.type === "ACCESS" ? "Access" : "Portability"}
        <span className="sr-only">: {STAFF_REQUEST_TYPES[row.type].title}</span>
      </td>
      <td className={cell}>{formatDay(row.submittedAt)}</td>
      <td className={cell}>
        {formatDay(row.due)}
        {row.extendedDueAt ? <span className={`${BADGE} bg-zinc-100 text-zinc-700`}>extended</span> : null}
      </td>
      <td className={cell}>
        <DaysLeft row={row} />
      </td>
      <td className={cell}>{STAFF_STATUS_LABEL[row.status]}</td>
      <td className={lastCell}>{identityStateLabel(row.identityStatus, row.identityMethod)}</td>
    </tr>
  );
}

function QueuePager({ filter, next }: { filter: QueueFilter; next: string | null }) {
  return (
    <nav aria-label="Queue pages" className="mt-4 flex gap-4 text-sm">
      {filter.after ? (
        <Link href={pageLink(filter)} className="text-brand-700 underline">
          First page
        </Link>
      ) : null}
      {next ? (
        <Link href={pageLink(filter, next)} className="text-brand-700 underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

const DESCRIPTION =
  "Requests with the nearest legal deadline come first. Extended deadlines count from their new date.";

export default async function AdminQueuePage({ searchParams }: PageProps<"/admin">) {
  const viewer = await requireStaff("/admin");
  const filter = parseQueueFilter(await searchParams);
  const { rows, next, agentSubjectsThreshold } = await listQueuePage(viewer, filter);
  return (
    <div className="space-y-6">
      <PageHeader title="Request queue" description={DESCRIPTION} />
      <Card aria-label="Filters">
        <QueueFilters filter={filter} />
      </Card>
      <Card aria-labelledby="queue-title">
        <h2 id="queue-title" className="text-lg font-semibold">
          {filter.after ? "Requests (continued)" : "Requests"}
        </h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-zinc-600">No requests match these filters.</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <DataTable caption="Privacy requests by deadline" columns={COLUMNS}>
              {rows.map((row) => (
                <QueueTableRow key={row.id} row={row} threshold={agentSubjectsThreshold} />
              ))}
            </DataTable>
          </div>
        )}
        <QueuePager filter={filter} next={next} />
      </Card>
    </div>
  );
}
