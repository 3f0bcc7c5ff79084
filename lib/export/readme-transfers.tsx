import type { DataTransfer, TransferSafeguard } from "@/lib/sources/types";
import type { ReadmeKey, ReadmeText } from "./readme-text";

// Art. 15(2) GDPR: where personal data is transferred to a third country, the data subject has the
// right to be informed of the appropriate safeguards (Art. 46). Each source declares its
// recipients outside the EEA (lib/sources/types.ts); an empty list says, explicitly, there are none.

const SAFEGUARD_TEXT: Record<TransferSafeguard, ReadmeKey> = {
  ADEQUACY_DECISION: "safeguardAdequacy",
  SCCS: "safeguardSccs",
  BCRS: "safeguardBcrs",
  DEROGATION: "safeguardDerogation",
};

export function Transfers({ transfers, text }: { transfers: readonly DataTransfer[]; text: ReadmeText }) {
  if (transfers.length === 0) return <p>{text.plain("art15NoTransfers")}</p>;
  return (
    <>
      <ul>
        {transfers.map((transfer, index) => (
          <li key={index}>
            {text.plain("transfer", {
              recipient: transfer.recipient,
              country: transfer.country,
              safeguard: text.plain(SAFEGUARD_TEXT[transfer.safeguard]),
            })}
            {transfer.note ? ` ${transfer.note}` : null}
          </li>
        ))}
      </ul>
      <p>{text.plain("transfersCopy")}</p>
    </>
  );
}
