import type { Tx } from "@/lib/db";

/** The next public reference, e.g. DSR-2026-000123: numbered by a database sequence, never reused. */
export async function nextRequestReference(tx: Tx, now: Date = new Date()): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('privacy_request_reference_seq') AS n`;
  return `DSR-${now.getUTCFullYear()}-${String(row!.n).padStart(6, "0")}`;
}
