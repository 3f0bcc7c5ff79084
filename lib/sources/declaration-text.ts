import { countOf } from "@/lib/format/counts";
import { SourceStatus } from "@/lib/generated/prisma/enums";
import type { RecordCounting, TransferSafeguard } from "./types";

// What a source's Art. 15(2) and completeness declarations mean, in the English staff read in the
// review console and that manifest.json carries beside the codes (the customer's README.html says
// the same in their language, from messages/<locale>.json).

export const SAFEGUARD_LABEL: Record<TransferSafeguard, string> = {
  ADEQUACY_DECISION: "Adequacy decision (Art. 45 GDPR)",
  SCCS: "Standard contractual clauses (Art. 46(2)(c) GDPR)",
  BCRS: "Binding corporate rules (Art. 47 GDPR)",
  DEROGATION: "Derogation for a specific situation (Art. 49 GDPR)",
};

/** How the count was obtained, as a sentence: "Every page of the Stripe API read to the end". */
export function countingDescription(counting: RecordCounting): string {
  switch (counting.method) {
    case "DATABASE_ROWS":
      return "Rows counted by the source database while exporting";
    case "API_PAGES":
      return `Every page of the ${counting.service} API read to the end`;
  }
}

/** Whether the source's answer is whole (Art. 15(1)): only a source that read everything reaches DONE. */
export function completenessDescription(status: SourceStatus, recordCount: number): string {
  switch (status) {
    case SourceStatus.PENDING:
      return "Not asked yet.";
    case SourceStatus.COLLECTING:
      return "Still answering.";
    case SourceStatus.DONE:
      return `Answered completely: ${countOf(recordCount, "record", "records")}.`;
    case SourceStatus.FAILED:
      return "Did not answer completely (an error, a timeout or a page cut short); nothing from it is packaged.";
  }
}
