import { appendAuditEvent } from "@/lib/audit";
import { addDays } from "@/lib/compliance/days-left";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { isDownloadable, TERMINAL, statusesIn } from "@/lib/requests/lifecycle";
import { WORKFLOW_ACTOR } from "@/lib/requests/transition";
import { getBlobStore } from "@/lib/storage";
import type { BlobStore } from "@/lib/storage/blob-store";

// A mandate is personal data about two people, kept only as long as the request needs it
// (Art. 5(1)(e) GDPR): it goes with the archive when the download window ends, and after
// MANDATE_RETENTION_DAYS when a request ends without an archive (refused, cancelled). The row
// stays, with deletedAt and its digest, as the record of what the decision rested on.

const BATCH = 100;

type StoredMandate = { id: string; requestId: string; storageKey: string };

/** The request's mandate file, if it still has one. */
export function storedMandateOf(requestId: string, tx: Pick<Tx, "requestMandate"> = db): Promise<StoredMandate | null> {
  return tx.requestMandate.findFirst({
    where: { requestId, deletedAt: null },
    select: { id: true, requestId: true, storageKey: true },
  });
}

/** Records the file's deletion (after the store has deleted it), with its audit event, in `tx`. */
export async function recordMandateDeleted(tx: Tx, mandate: StoredMandate, now: Date, reason: string): Promise<void> {
  await tx.requestMandate.update({ where: { id: mandate.id }, data: { deletedAt: now } });
  await appendAuditEvent(tx, {
    actor: WORKFLOW_ACTOR,
    action: "mandate.deleted",
    requestId: mandate.requestId,
    target: { type: "RequestMandate", id: mandate.id },
    metadata: { reason },
  });
}

/** Mandates of requests that ended without an archive more than MANDATE_RETENTION_DAYS ago. */
export async function expireMandates(
  now: Date = new Date(),
  store: BlobStore = getBlobStore(),
): Promise<{ deleted: number }> {
  // READY still has its archive (its mandate goes with it); every other ended request has none.
  const ended = statusesIn(TERMINAL).filter((status) => !isDownloadable(status));
  const due = await db.requestMandate.findMany({
    where: {
      deletedAt: null,
      request: { status: { in: ended }, completedAt: { lte: addDays(now, -env().MANDATE_RETENTION_DAYS) } },
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true, requestId: true, storageKey: true },
  });
  for (const mandate of due) {
    await store.delete(mandate.storageKey);
    await db.$transaction((tx) => recordMandateDeleted(tx, mandate, now, "retention period ended"));
  }
  return { deleted: due.length };
}
