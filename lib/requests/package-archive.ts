import { addDays } from "@/lib/compliance/days-left";
import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { type MandateRelationship, RequestStatus } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { writeExportArchive } from "@/lib/export/archive";
import { stagedFilesOf } from "@/lib/export/staged-files";
import type { ArchiveInput } from "@/lib/export/archive-input";
import type { PrivacyRequest } from "@/lib/generated/prisma/client";
import { exportArchiveKey } from "@/lib/export/storage-keys";
import { translator } from "@/lib/i18n/translator";
import { byRegistryOrder, getSource } from "@/lib/sources/registry";
import { getBlobStore } from "@/lib/storage";
import type { BlobStore } from "@/lib/storage/blob-store";
import { controllerDetails } from "./controller";
import { resolveDataSubject, subjectEmailOf } from "./data-subject";
import { archivedStatus, isCollected } from "./source-lifecycle";
import { transitionRequest, WORKFLOW_ACTOR } from "./transition";

export type PackagedArchive = { archiveId: string; sizeBytes: number; sha256: string; expiresAt: string };

type RequestRow = Pick<
  PrivacyRequest,
  "id" | "reference" | "type" | "submittedAt" | "formats" | "rangeFrom" | "rangeTo"
>;

/** What the archive's README and manifest say about the request itself. */
function archiveRequest(request: RequestRow): ArchiveInput["request"] {
  return {
    id: request.id,
    reference: request.reference,
    type: request.type,
    submittedAt: request.submittedAt,
    formats: request.formats,
    range: { from: request.rangeFrom ?? undefined, to: request.rangeTo ?? undefined },
  };
}

const AGENT = { select: { subjectEmail: true, relationship: true, createdAt: true, sha256: true } } as const;

type AgentRow = {
  user: { email: string };
  mandate: { relationship: MandateRelationship; createdAt: Date; sha256: string } | null;
};

/** Who asked for someone else, and on what mandate, as README.html says it (GDPR recital 63). */
function archiveAgent({ user, mandate }: AgentRow): ArchiveInput["agent"] {
  if (!mandate) return undefined;
  const { relationship, createdAt, sha256 } = mandate;
  return { email: user.email, relationship, mandateReceivedAt: createdAt, mandateSha256: sha256 };
}

/** The request with what its archive says: sources, the account, and the mandate if someone else asked. */
function loadForPackaging(requestId: string) {
  return db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: {
      sources: { orderBy: { sourceKey: "asc" } },
      user: { select: { email: true, name: true } },
      mandate: AGENT,
    },
  });
}

/**
 * COLLECTING → PACKAGING → READY: streams every staged source into the customer's ZIP and records
 * the ExportArchive. Replaying it after a crash rewrites the same object and updates the same
 * row (the storage key is unique), so a request never ends up with two archives.
 */
export async function packageArchive(requestId: string, store: BlobStore = getBlobStore()): Promise<PackagedArchive> {
  await db.$transaction((tx) =>
    transitionRequest(tx, {
      requestId,
      from: [RequestStatus.COLLECTING],
      to: RequestStatus.PACKAGING,
      action: "request.packaging",
    }),
  );
  const request = await loadForPackaging(requestId);
  const email = subjectEmailOf(request);
  const subject = await resolveDataSubject({ subjectId: request.subjectId, email });
  const redactions = await redactionsBySource(requestId);
  const input: ArchiveInput = {
    request: archiveRequest(request),
    // The account's name is the agent's own when someone else asked: the subject is named by email only.
    subject: { id: subject.id, email, name: request.mandate ? undefined : (request.user.name ?? undefined) },
    agent: archiveAgent(request),
    controller: controllerDetails(),
    generatedAt: new Date(),
    locale: request.locale,
    sources: archiveSources(request, redactions),
  };
  const key = exportArchiveKey(request.id, request.reference);
  const written = await writeExportArchive(store, key, input);
  const expiresAt = addDays(new Date(), env().ARCHIVE_RETENTION_DAYS);

  const archive = await db.$transaction(async (tx) => {
    const row = await tx.exportArchive.upsert({
      where: { storageKey: key },
      create: { requestId, storageKey: key, sizeBytes: written.sizeBytes, sha256: written.sha256, expiresAt },
      update: { sizeBytes: written.sizeBytes, sha256: written.sha256, expiresAt, deletedAt: null },
    });
    await appendAuditEvent(tx, {
      actor: WORKFLOW_ACTOR,
      action: "archive.created",
      requestId,
      target: { type: "ExportArchive", id: row.id },
      metadata: { bytes: written.sizeBytes, sha256: written.sha256, files: written.files.length },
    });
    await transitionRequest(tx, {
      requestId,
      from: [RequestStatus.PACKAGING],
      to: RequestStatus.READY,
      action: "request.ready",
      data: { completedAt: new Date() },
    });
    return row;
  });
  return {
    archiveId: archive.id,
    sizeBytes: written.sizeBytes,
    sha256: written.sha256,
    expiresAt: expiresAt.toISOString(),
  };
}

/** Each source as the archive takes it: its staged files, or why it could not be collected. */
function archiveSources(
  request: Awaited<ReturnType<typeof loadForPackaging>>,
  redactions: Map<string, number>,
): ArchiveInput["sources"] {
  // In the order the status page shows them (profile first), not the database's alphabetical one.
  const rows = [...request.sources].sort((a, b) => byRegistryOrder(a.sourceKey, b.sourceKey));
  return rows.map((row) => ({
    source: getSource(row.sourceKey),
    status: archivedStatus(row.status),
    recordCount: row.recordCount,
    stagingKey: row.stagingKey ?? undefined,
    files: stagedFilesOf(row.stagedFiles),
    redactions: redactions.get(row.sourceKey),
    error: isCollected(row.status) ? undefined : translator(request.locale)("readme.collectionFailed"),
  }));
}

/** Art. 15(4): the spans redacted per source, which README.html counts (none for most requests). */
async function redactionsBySource(requestId: string): Promise<Map<string, number>> {
  const rows = await db.disclosureFinding.groupBy({
    by: ["sourceKey"],
    where: { requestId, decision: "REDACT" },
    _count: true,
  });
  return new Map(rows.map((row) => [row.sourceKey, row._count]));
}
