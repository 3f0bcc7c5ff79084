import type { PrismaClient } from "@/lib/db";
import { auditEventHash, GENESIS_HASH } from "./hash";

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: bigint; reason: string };

const BATCH = 1000;

/** Re-computes every hash in order; the first event whose hash or link does not match is reported. */
export async function verifyAuditChain(client: PrismaClient): Promise<AuditChainReport> {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;
  for (;;) {
    const events = await client.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const event of events) {
      if (event.prevHash !== expectedPrev) {
        return { ok: false, checked, brokenAt: event.id, reason: "an earlier event was changed, removed or inserted" };
      }
      if (auditEventHash(event) !== event.hash) {
        return { ok: false, checked, brokenAt: event.id, reason: "this event was changed after it was written" };
      }
      expectedPrev = event.hash;
      checked += 1;
    }
    if (events.length < BATCH) return { ok: true, checked };
    after = events.at(-1)!.id;
  }
}
