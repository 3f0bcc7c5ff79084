import { Card } from "@/components/ui/card";
import type { StaffRequestView } from "@/lib/dal/staff-requests";
import { completenessDescription, countingDescription, SAFEGUARD_LABEL } from "@/lib/sources/declaration-text";
import { listSources } from "@/lib/sources/registry";
import type { DataSource } from "@/lib/sources/types";

// Per source of this request: how its count was obtained and whether it answered completely
// (Art. 15(1): the copy must be complete), and where its data goes outside the EEA with which
// safeguard (Art. 15(2)), as the source declares them (lib/sources/types.ts).

function Transfers({ source }: { source: DataSource }) {
  if (source.transfers.length === 0) return <p>None outside the EEA (declared).</p>;
  return (
    <ul className="list-disc pl-5">
      {source.transfers.map((transfer, index) => (
        <li key={index}>
          {transfer.recipient}, {transfer.country}: {SAFEGUARD_LABEL[transfer.safeguard]}
          {transfer.note ? <span className="text-zinc-600"> ({transfer.note})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function SourceDeclarationsPanel({ view }: { view: StaffRequestView }) {
  const declared = new Map(listSources().map((source) => [source.key, source]));
  const rows = view.request.sources.flatMap((row) => {
    const source = declared.get(row.sourceKey);
    return source ? [{ row, source }] : []; // a source since removed from the registry declares nothing now
  });
  if (rows.length === 0) return null;
  return (
    <Card aria-labelledby="declarations-title" className="space-y-4">
      <h2 id="declarations-title" className="text-lg font-semibold">
        Completeness and transfers
      </h2>
      <table className="w-full text-left text-sm" data-testid="staff-source-declarations">
        <caption className="sr-only">
          How each source was counted, whether it answered completely, and its transfers outside the EEA
        </caption>
        <thead className="border-b border-zinc-200 text-zinc-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Source
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              How the count was obtained
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Complete
            </th>
            <th scope="col" className="py-2 font-medium">
              Transfers outside the EEA (Art. 15(2))
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, source }) => (
            <tr key={row.sourceKey} className="border-b border-zinc-100 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">
                {source.title}
              </th>
              <td className="py-2 pr-4">{countingDescription(source.counting)}.</td>
              <td className="py-2 pr-4">{completenessDescription(row.status, row.recordCount)}</td>
              <td className="py-2">
                <Transfers source={source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
