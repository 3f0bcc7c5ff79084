import type { PrismaClient } from "@/lib/db";
import type { BlobStore } from "@/lib/storage/blob-store";
import { checkpointKey, readAuditCheckpoints, safeBigInt, type AuditCheckpoint } from "./checkpoint";
import { auditEventHash, GENESIS_HASH } from "./hash";

export type AuditChainReport =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      brokenAt: bigint;
      reason: string;
      /** The last event a signed checkpoint vouches for that still matches: the chain was changed after it. */
      agreedThrough?: bigint | null;
    };

const BATCH = 1000;

/** The chain does not pass through `checkpoint` as it was signed: `what` says how. */
function checkpointDisagreement(
  checkpoint: AuditCheckpoint,
  what: string,
  checked: number,
  agreedThrough: bigint | null,
): AuditChainReport {
  return {
    ok: false,
    checked,
    brokenAt: safeBigInt(checkpoint.headEventId),
    agreedThrough,
    reason:
      `${what} the checkpoint signed at ${checkpoint.createdAt}: ` +
      `the log was changed after ${agreedThrough === null ? "its first event" : `event ${agreedThrough}`}`,
  };
}

/**
 * Re-computes every hash in order; the first event whose hash or link does not match is reported.
 * With `checkpoints` (signed heads from the archive store, lib/audit/checkpoint.ts), the chain must
 * also pass through each checkpoint's head with the same hash and count: a chain rewritten from
 * some event on, hashes and all, is caught at the first checkpoint after that event.
 */
export async function verifyAuditChain(
  client: PrismaClient,
  checkpoints: readonly AuditCheckpoint[] = [],
): Promise<AuditChainReport> {
  const pending = [...checkpoints].sort((a, b) => (safeBigInt(a.headEventId) < safeBigInt(b.headEventId) ? -1 : 1));
  let agreedThrough: bigint | null = null;
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;

  const disagreement = (checkpoint: AuditCheckpoint, what: string) =>
    checkpointDisagreement(checkpoint, what, checked, agreedThrough);

  for (;;) {
    const events = await client.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const event of events) {
      if (event.prevHash !== expectedPrev) {
        return {
          ok: false,
          checked,
          brokenAt: event.id,
          agreedThrough,
          reason: "an earlier event was changed, removed or inserted",
        };
      }
      if (auditEventHash(event) !== event.hash) {
        return {
          ok: false,
          checked,
          brokenAt: event.id,
          agreedThrough,
          reason: "this event was changed after it was written",
        };
      }
      expectedPrev = event.hash;
      checked += 1;
      while (pending[0] && safeBigInt(pending[0].headEventId) <= event.id) {
        const checkpoint = pending.shift()!;
        if (safeBigInt(checkpoint.headEventId) < event.id)
          return disagreement(checkpoint, `event ${checkpoint.headEventId} is missing, though it is named by`);
        if (checkpoint.headHash !== event.hash || checkpoint.eventCount !== checked) {
          return disagreement(checkpoint, `event ${event.id} (${checked} events so far) does not match`);
        }
        agreedThrough = event.id;
      }
    }
    if (events.length < BATCH) break;
    after = events.at(-1)!.id;
  }
  // A checkpoint beyond the end: events it vouched for were deleted.
  if (pending[0]) return disagreement(pending[0], `the log ends before event ${pending[0].headEventId}, named by`);
  return { ok: true, checked };
}

/** The whole check: the chain against itself and against every signed checkpoint in `store`. */
export async function verifyAuditTrail(
  client: PrismaClient,
  store: BlobStore,
  key = checkpointKey(),
): Promise<AuditChainReport & { checkpoints: number }> {
  const found = await readAuditCheckpoints(store, key);
  const forged = found.find((entry) => !entry.authentic);
  if (forged) {
    return {
      ok: false,
      checked: 0,
      brokenAt: safeBigInt(forged.checkpoint.headEventId),
      reason: `the checkpoint ${forged.key} is not signed with the portal's key`,
      checkpoints: found.length,
    };
  }
  const report = await verifyAuditChain(
    client,
    found.map((entry) => entry.checkpoint),
  );
  return { ...report, checkpoints: found.length };
}
