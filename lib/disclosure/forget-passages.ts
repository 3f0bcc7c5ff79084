import type { Tx } from "@/lib/db";

/**
 * Art. 15(4) with 5(1)(c): the other people's data a reviewer saw in a request's findings is kept
 * only while the request can still be released. When its archive is deleted, or the request is
 * cancelled, the passages are blanked; the decisions and their reasons stay as the audit's record.
 */
export async function forgetFindingPassages(tx: Tx, requestId: string): Promise<void> {
  await tx.disclosureFinding.updateMany({ where: { requestId }, data: { matched: "", before: "", after: "" } });
}
