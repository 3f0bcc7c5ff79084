import { formatDateTime } from "@/lib/format/dates";
import { plainSourceError } from "@/components/admin/source-error";
import { StaffActionForm } from "@/components/admin/staff-action-form";
import { Card } from "@/components/ui/card";
import { retrySourceAction } from "@/lib/actions/staff-requests";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { RETRYABLE } from "@/lib/requests/lifecycle";
import { isSourceFailed, STAFF_SOURCE_STATUS_LABEL } from "@/lib/requests/source-lifecycle";
import { getSource, listSources } from "@/lib/sources/registry";

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
      {request.failureReason ? <p className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">{request.failureReason}</p> : null}
      {sources.length === 0 ? (
        <p className="text-sm text-zinc-600">Nothing collected yet: collection starts once the identity check is approved.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="staff-sources">
          <caption className="sr-only">Collection status per source</caption>
          <thead className="border-b border-zinc-200 text-zinc-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Source</th>
              <th scope="col" className="py-2 pr-4 font-medium">Status</th>
              <th scope="col" className="py-2 pr-4 font-medium">Records</th>
              <th scope="col" className="py-2 pr-4 font-medium">Attempts</th>
              <th scope="col" className="py-2 font-medium">Problem</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.sourceKey} className="border-b border-zinc-100 align-top">
                <th scope="row" className="py-2 pr-4 font-medium">{title(source.sourceKey)}</th>
                <td className="py-2 pr-4">{STAFF_SOURCE_STATUS_LABEL[source.status]}</td>
                <td className="py-2 pr-4">{source.recordCount.toLocaleString("en-GB")}</td>
                <td className="py-2 pr-4">{source.attempts}</td>
                <td className="py-2">
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
            ))}
          </tbody>
        </table>
      )}
      {archive ? (
        <p className="text-sm text-zinc-700">
          Archive: {Number(archive.sizeBytes).toLocaleString("en-GB")} bytes, made {formatDateTime(archive.createdAt)},{" "}
          {archive.deletedAt ? "deleted" : `available until ${formatDateTime(archive.expiresAt)}`}, downloaded {archive.downloadCount} times.
        </p>
      ) : null}
    </Card>
  );
}
