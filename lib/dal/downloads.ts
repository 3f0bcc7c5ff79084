import "server-only";
import { cookies } from "next/headers";
import { appendAuditEvent, type AuditContext } from "@/lib/audit";
import { createDownloadToken, verifyDownloadToken } from "@/lib/auth/download-token";
import { sessionTokenIn } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ExportArchive } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { isDownloadable } from "@/lib/requests/lifecycle";
import { isArchiveGone } from "@/lib/requests/present";
import type { Viewer } from "./session";

// Downloading an archive needs three things at once: the owner's session, a signed link for
// this very archive that has not expired, and (like Takeout's re-auth) a recent sign-in.

const LINK_MINUTES = 10;

export type DownloadDecision =
  | { kind: "ok"; archive: { id: string; storageKey: string; sizeBytes: bigint }; reference: string }
  | { kind: "not-found" }
  | { kind: "invalid-link" }
  | { kind: "expired" }
  | { kind: "withheld" }
  | { kind: "step-up" };

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is needed to sign download links.");
  return value;
}

/** A fresh signed link for the viewer's ready archive (status page, API), valid a few minutes. */
export function signDownloadPath(
  requestId: string,
  archive: { id: string; expiresAt: Date },
): { path: string; expiresAt: Date } {
  const expiresAt = new Date(Math.min(archive.expiresAt.getTime(), Date.now() + LINK_MINUTES * 60_000));
  const token = createDownloadToken({ requestId, archiveId: archive.id, expiresAt }, secret());
  return { path: `/privacy-center/requests/${requestId}/download?${new URLSearchParams({ token })}`, expiresAt };
}

type LinkableRequest = {
  id: string;
  status: RequestStatus;
  archives: Pick<ExportArchive, "id" | "expiresAt" | "deletedAt">[];
  /** Made for someone else: withheld once they objected (authorizeDownload). */
  mandate?: { objectedAt: Date | null } | null;
};

/**
 * The link the status page and the API offer the request's owner: only while the request is
 * downloadable and its latest archive is still kept; null otherwise. The caller has authorised the
 * viewer for this request (findOwnPrivacyRequest).
 */
export function downloadLinkFor(
  request: LinkableRequest,
  now: Date = new Date(),
): { path: string; expiresAt: Date } | null {
  const archive = request.archives[0];
  if (!isDownloadable(request.status) || !archive || isArchiveGone(archive, now)) return null;
  if (request.mandate?.objectedAt) return null;
  return signDownloadPath(request.id, archive);
}

/** When the current session's magic link was used; null without a session. */
export async function currentSessionStartedAt(): Promise<Date | null> {
  const token = sessionTokenIn(await cookies());
  if (!token) return null;
  const session = await db.session.findUnique({ where: { sessionToken: token }, select: { createdAt: true } });
  return session?.createdAt ?? null;
}

export async function authorizeDownload(
  viewer: Viewer,
  requestId: string,
  token: string,
  sessionStartedAt: Date | null,
  now: Date = new Date(),
): Promise<DownloadDecision> {
  const request = await db.privacyRequest.findFirst({
    where: { id: requestId, userId: viewer.id },
    select: {
      reference: true,
      archives: { orderBy: { createdAt: "desc" }, take: 1 },
      mandate: { select: { objectedAt: true } },
    },
  });
  if (!request) return { kind: "not-found" };
  const check = verifyDownloadToken(token, secret(), now);
  if (!check.ok) return check.reason === "expired" ? { kind: "expired" } : { kind: "invalid-link" };
  const archive = request.archives[0];
  if (check.grant.requestId !== requestId || !archive || archive.id !== check.grant.archiveId)
    return { kind: "invalid-link" };
  if (isArchiveGone(archive, now)) return { kind: "expired" };
  // Made for someone else, who objected: nothing leaves until staff have looked at it.
  if (request.mandate?.objectedAt) return { kind: "withheld" };
  if (!sessionStartedAt || now.getTime() - sessionStartedAt.getTime() > env().DOWNLOAD_REAUTH_MINUTES * 60_000)
    return { kind: "step-up" };
  return {
    kind: "ok",
    archive: { id: archive.id, storageKey: archive.storageKey, sizeBytes: archive.sizeBytes },
    reference: request.reference,
  };
}

/** Counts the download and records who took it, from where. */
export async function recordDownload(
  viewer: Viewer,
  requestId: string,
  archiveId: string,
  context: AuditContext,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.exportArchive.update({
      where: { id: archiveId },
      data: { downloadCount: { increment: 1 }, lastDownloadedAt: new Date() },
      select: { downloadCount: true },
    });
    await appendAuditEvent(tx, {
      actor: { type: "USER", id: viewer.id, email: viewer.email },
      action: "archive.downloaded",
      requestId,
      target: { type: "ExportArchive", id: archiveId },
      context,
      metadata: { downloadCount: updated.downloadCount },
    });
  });
}
