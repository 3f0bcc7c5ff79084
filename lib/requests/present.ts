import { daysLeft } from "@/lib/compliance/days-left";
import type { ExportArchive, PrivacyRequest, RequestSource } from "@/lib/generated/prisma/client";
import { byRegistryOrder, getSource } from "@/lib/sources/registry";
import { isTerminal } from "./lifecycle";
import { isCollected } from "./source-lifecycle";

// How a request looks to its owner, in the status page and in the REST API alike.

export type PresentedRequest = ReturnType<typeof presentPrivacyRequest>;

export function presentPrivacyRequest(
  request: PrivacyRequest & { sources: RequestSource[]; archives: ExportArchive[] },
  now: Date = new Date(),
) {
  const due = request.extendedDueAt ?? request.dueAt;
  const archive = request.archives[0];
  return {
    id: request.id,
    reference: request.reference,
    type: request.type,
    status: request.status,
    byAgent: request.byAgent,
    formats: request.formats,
    submittedAt: request.submittedAt.toISOString(),
    dueAt: due.toISOString(),
    daysLeft: daysLeft(due, now),
    completedAt: request.completedAt?.toISOString() ?? null,
    terminal: isTerminal(request.status),
    // In the registry's order (profile first), which is how the README and manifest list them too.
    sources: [...request.sources]
      .sort((a, b) => byRegistryOrder(a.sourceKey, b.sourceKey))
      .map((row) => ({
        key: row.sourceKey,
        title: safeTitle(row.sourceKey),
        status: row.status,
        recordCount: row.recordCount,
        progress: isCollected(row.status) ? 100 : 0,
      })),
    archive: archive
      ? {
          sizeBytes: Number(archive.sizeBytes),
          sha256: archive.sha256,
          expiresAt: archive.expiresAt.toISOString(),
          deleted: isArchiveGone(archive, now),
          downloadCount: archive.downloadCount,
        }
      : null,
  };
}

/** Deleted, or past its retention (the expiry job may not have run yet): nothing to download any more. */
export function isArchiveGone(
  archive: Pick<ExportArchive, "deletedAt" | "expiresAt">,
  now: Date = new Date(),
): boolean {
  return archive.deletedAt !== null || archive.expiresAt <= now;
}

function safeTitle(key: string): string {
  try {
    return getSource(key).title;
  } catch {
    return key; // a source since removed from the registry
  }
}
