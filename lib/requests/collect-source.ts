import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { serializeRecordPages, stageSerializedPages } from "@/lib/export/staging";
import { stagingKey } from "@/lib/export/storage-keys";
import type { BlobStore } from "@/lib/storage/blob-store";
import { getBlobStore } from "@/lib/storage";
import { getSource } from "@/lib/sources/registry";
import type { DataSource, DataSubject, SerializedPage, SerializeOptions } from "@/lib/sources/types";
import { resolveDataSubject } from "./data-subject";
import { WORKFLOW_ACTOR } from "./transition";

export type CollectedSource = { sourceKey: string; recordCount: number; bytes: number };

const PROGRESS_INTERVAL_MS = 500;

/**
 * Collects one source for one request into its staging object and records the count on the
 * RequestSource row, which is what the customer's progress bar reads. Throws on failure so the
 * workflow retries it; re-running it overwrites the same staging object.
 */
export async function collectSource(requestId: string, sourceKey: string, store: BlobStore = getBlobStore()): Promise<CollectedSource> {
  const source = getSource(sourceKey);
  const where = { requestId_sourceKey: { requestId, sourceKey } };
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { subjectId: true, rangeFrom: true, rangeTo: true, formats: true, user: { select: { email: true } } },
  });
  await db.requestSource.update({
    where,
    data: { status: "COLLECTING", attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, error: null, recordCount: 0 },
  });
  try {
    const subject = await resolveDataSubject({ subjectId: request.subjectId, email: request.user.email });
    const options = { range: { from: request.rangeFrom ?? undefined, to: request.rangeTo ?? undefined }, csv: request.formats.includes("CSV") };
    const pages = reportProgress(await serializedPages(source, subject, options), (recordCount) =>
      db.requestSource.update({ where, data: { recordCount } }).then(() => undefined),
    );
    const key = stagingKey(requestId, sourceKey);
    const staged = await stageSerializedPages(store, key, source, pages, { csv: options.csv });
    await db.$transaction(async (tx) => {
      await tx.requestSource.update({
        where,
        data: { status: "DONE", recordCount: staged.recordCount, bytes: staged.bytes, stagingKey: key, stagedFiles: staged.files, finishedAt: new Date() },
      });
      await appendAuditEvent(tx, {
        actor: WORKFLOW_ACTOR,
        action: "source.collected",
        requestId,
        target: { type: "RequestSource", id: sourceKey },
        metadata: { records: staged.recordCount, bytes: staged.bytes },
      });
    });
    return { sourceKey, ...staged };
  } catch (error) {
    await db.requestSource.update({ where, data: { error: describeFailure(error) } });
    throw error;
  }
}

/** The source's records in their staged form: written by its database where it can, else serialised here. */
async function serializedPages(source: DataSource, subject: DataSubject, options: SerializeOptions): Promise<AsyncIterable<SerializedPage>> {
  const serialized = await source.serialize?.(subject, options);
  return serialized ?? serializeRecordPages(source, source.collect(subject, { range: options.range }), options.csv);
}

/** Passes pages through, telling `onProgress` the running count at most every half second. */
async function* reportProgress(
  pages: AsyncIterable<SerializedPage>,
  onProgress: (recordCount: number) => Promise<void>,
): AsyncIterable<SerializedPage> {
  let count = 0;
  let reportedAt = Date.now();
  for await (const page of pages) {
    count += page.records;
    if (Date.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
      reportedAt = Date.now();
      await onProgress(count);
    }
    yield page;
  }
}

/** What staff see on the source row; the customer only ever sees a plain sentence. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
