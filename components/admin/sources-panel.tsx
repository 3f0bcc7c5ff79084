import { formatDateTime } from "@/lib/format/dates";
import { plainSourceError } from "@/components/admin/source-error";
import { StaffActionForm } from "@/components/admin/staff-action-form";
import { Card } from "@/components/ui/card";
import { cell, DataTable, lastCell } from "@/components/ui/data-table";
import { retrySourceAction } from "@/lib/actions/staff-requests";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { RETRYABLE } from "@/lib/requests/lifecycle";
import { isSourceFailed, STAFF_SOURCE_STATUS_LABEL } from "@/lib/requests/source-lifecycle";
import { getSource, listSources } from "@/lib/sources/registry";
import { countOf } from "@/lib/format/counts";

function title(key: string): string {
  try {
    return getSource(key).title;
  } catch {
    return key; // a source since removed from the registry
  }
}

const order = (key: string) => {
  const sources = listSources();
  const index = sources.findIndex((source) => source.key === key);
  return index === -1 ? sources.length : index;
};

const COLUMNS = ["Source", "Status", "Records", "Attempts", "Problem"] as const;

type Request = StaffRequestView["request"];

function SourceRow({ source, request }: { source: Request["sources"][number]; request: Request }) {
  return (
    <tr className="border-b border-zinc-100 align-top">
      <th scope="row" className={`${cell} font-medium`}>
        {title(source.sourceKey)}
      </th>
      <td className={cell}>{STAFF_SOURCE_STATUS_LABEL[source.status]}</td>
      <td className={cell}>{source.recordCount.toLocaleString("en-GB")}</td>
      <td className={cell}>{source.attempts}</td>
      <td className={lastCell}>
        {source.error ? (
          <>
            <p>{plainSourceError(source.error)}</p>
            <p className="mt-1 font-mono text-xs text-zinc-600">{source.error}</p>
          </>
        ) : null}
        {isSourceFailed(source.status) && RETRYABLE.has(request.status) ? (
          <StaffActionForm
            action={retrySourceAction}
            requestId={request.id}
            fields={{ sourceKey: source.sourceKey }}
            submitLabel={`Retry ${title(source.sourceKey)}`}
            variant="secondary"
            className="mt-2"
          />
        ) : null}
      </td>
    </tr>
  );
}

function ArchiveSummary({ archive }: { archive: Request["archives"][number] }) {
  const size = Number(archive.sizeBytes).toLocaleString("en-GB");
  const availability = archive.deletedAt ? "deleted" : `available until ${formatDateTime(archive.expiresAt)}`;
  return (
    <p className="text-sm text-zinc-700">
      Archive: {size} bytes, made {formatDateTime(archive.createdAt)}, {availability}, downloaded{" "}
      {countOf(archive.downloadCount, "time", "times")}.
    </p>
  );
}

/** Per-source progress, counts and errors, with a retry for a failed source. */
export function SourcesPanel({ view }: { view: StaffRequestView }) {
  const { request } = view;
  const sources = [...request.sources].sort((a, b) => order(a.sourceKey) - order(b.sourceKey));
  const archive = request.archives[0];
  return (
    <Card aria-labelledby="sources-title" className="space-y-4">
      <h2 id="sources-title" className="text-lg font-semibold">
        Sources
      </h2>
      {request.failureReason ? (
        <p className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">{request.failureReason}</p>
      ) : null}
      {sources.length === 0 ? (
        <p className="text-sm text-zinc-600">
          Nothing collected yet: collection starts once the identity check is approved.
        </p>
      ) : (
        <DataTable caption="Collection status per source" columns={COLUMNS} data-testid="staff-sources">
          {sources.map((source) => (
            <SourceRow key={source.sourceKey} source={source} request={request} />
          ))}
        </DataTable>
      )}
      {archive ? <ArchiveSummary archive={archive} /> : null}
    </Card>
  );
}
