import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { forgetFindingPassages } from "@/lib/disclosure/forget-passages";
import { stagingPrefix } from "@/lib/export/storage-keys";
import { recordMandateDeleted, storedMandateOf } from "@/lib/mandates/delete-mandates";
import { getBlobStore } from "@/lib/storage";
import type { BlobStore } from "@/lib/storage/blob-store";
import { transitionRequest, WORKFLOW_ACTOR } from "./transition";

const BATCH = 100;

/**
 * Deletes archives (and their requests' staging objects) whose download window has passed. The
 * ExportArchive row stays, with deletedAt, as proof of what was delivered; the request is EXPIRED,
 * and the passages of its Art. 15(4) findings are blanked.
 */
export async function expireArchives(
  now: Date = new Date(),
  store: BlobStore = getBlobStore(),
): Promise<{ expired: number }> {
  const due = await db.exportArchive.findMany({
    where: { deletedAt: null, expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
    select: { id: true, requestId: true, storageKey: true },
  });
  for (const archive of due) {
    // A request made by an agent: its mandate goes with the archive (lib/mandates/delete-mandates.ts).
    const mandate = await storedMandateOf(archive.requestId);
    await store.delete(mandate ? [archive.storageKey, mandate.storageKey] : archive.storageKey);
    await deleteStaging(store, archive.requestId);
    await db.$transaction(async (tx) => {
      if (mandate) await recordMandateDeleted(tx, mandate, now, "deleted with the archive");
      await tx.exportArchive.update({ where: { id: archive.id }, data: { deletedAt: now } });
      await appendAuditEvent(tx, {
        actor: WORKFLOW_ACTOR,
        action: "archive.deleted",
        requestId: archive.requestId,
        target: { type: "ExportArchive", id: archive.id },
        metadata: { reason: "retention period ended" },
      });
      await forgetFindingPassages(tx, archive.requestId);
      await transitionRequest(tx, {
        requestId: archive.requestId,
        from: [RequestStatus.READY],
        to: RequestStatus.EXPIRED,
        action: "request.expired",
      });
    });
  }
  return { expired: due.length };
}

async function deleteStaging(store: BlobStore, requestId: string): Promise<void> {
  const keys: string[] = [];
  for await (const object of store.list(stagingPrefix(requestId))) keys.push(object.key);
  if (keys.length > 0) await store.delete(keys);
}
