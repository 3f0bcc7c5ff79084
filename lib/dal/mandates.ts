import "server-only";
import type { Readable } from "node:stream";
import { audit, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { getBlobStore } from "@/lib/storage";
import type { BlobStore } from "@/lib/storage/blob-store";
import { isStaff, type Viewer } from "./session";

// A mandate is read by staff only, and every reading is audited: it is a document about two
// people (often a child's), shown to whoever decides the request and to no one else. The agent
// who uploaded it never gets it back from us, and the data subject never sees it here.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXTENSION: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };

export type OpenedMandate = { stream: Readable; size: number; contentType: string; fileName: string };

/** The request's mandate file for a member of staff, or null (not staff, no such request, deleted). */
export async function openMandateForStaff(
  viewer: Viewer,
  requestId: string,
  context: AuditContext,
  store: BlobStore = getBlobStore(),
): Promise<OpenedMandate | null> {
  if (!isStaff(viewer) || !UUID.test(requestId)) return null;
  const mandate = await db.requestMandate.findFirst({
    where: { requestId, deletedAt: null },
    select: { id: true, storageKey: true, contentType: true, request: { select: { reference: true } } },
  });
  if (!mandate) return null;
  const object = await store.get(mandate.storageKey);
  if (!object) return null;
  await audit({
    actor: { type: "USER", id: viewer.id, email: viewer.email },
    action: "mandate.viewed",
    requestId,
    target: { type: "RequestMandate", id: mandate.id },
    context,
  });
  return {
    stream: object.stream,
    size: object.size,
    contentType: mandate.contentType,
    fileName: `${mandate.request.reference}-mandate.${EXTENSION[mandate.contentType] ?? "bin"}`,
  };
}
