import { auditedChange } from "@/lib/audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { withDisclosureScan } from "@/lib/disclosure/collect-findings";
import { SourceStatus } from "@/lib/generated/prisma/enums";
import { serializeRecordPages, stageSerializedPages } from "@/lib/export/staging";
import { stagingKey } from "@/lib/export/storage-keys";
import type { BlobStore } from "@/lib/storage/blob-store";
import { getBlobStore } from "@/lib/storage";
import { getSource } from "@/lib/sources/registry";
import type { DataSource, DataSubject, SerializedPage, SerializeOptions } from "@/lib/sources/types";
import { resolveDataSubject } from "./data-subject";
import { TAKES_PROGRESS } from "./source-lifecycle";
import { sourceMoveSql } from "./source-transition";
import { WORKFLOW_ACTOR } from "./transition";

export type CollectedSource = { sourceKey: string; recordCount: number; bytes: number };

const PROGRESS_INTERVAL_MS = 500;

/**
 * Collects one source for one request into its staging object and records the count on the
 * RequestSource row, which is what the customer's progress bar reads. Throws on failure so the
 * workflow retries it; re-running it overwrites the same staging object.
 */
export async function collectSource(
  requestId: string,
  sourceKey: string,
  store: BlobStore = getBlobStore(),
): Promise<CollectedSource> {
  const source = getSource(sourceKey);
  const where = { requestId_sourceKey: { requestId, sourceKey } };
  const request = await startAttempt(requestId, sourceKey);
  try {
    const subject = await resolveDataSubject({ subjectId: request.subjectId, email: request.email });
    const options = {
      range: { from: request.rangeFrom ?? undefined, to: request.rangeTo ?? undefined },
      csv: request.formats.includes("CSV"),
    };
    // Art. 15(4): other people's data in the source's free text is found on the way to staging.
    const serialized = await serializedPages(source, subject, options);
    const scanned = await withDisclosureScan(requestId, source, subject, serialized);
    const pages = reportProgress(scanned, (recordCount) =>
      db.requestSource
        .updateMany({ where: { requestId, sourceKey, status: { in: [...TAKES_PROGRESS] } }, data: { recordCount } })
        .then(() => undefined),
    );
    const key = stagingKey(requestId, sourceKey);
    const staged = await stageSerializedPages(store, key, source, pages, { csv: options.csv });
    // One statement, not a transaction's four round trips: this runs for every source of every export.
    // Guarded: a source given up (FAILED) meanwhile stays given up, and nothing is audited.
    const move = sourceMoveSql(SourceStatus.DONE);
    const done = await auditedChange(
      Prisma.sql`UPDATE "RequestSource"
                    SET ${move.set}, "recordCount" = ${staged.recordCount}, bytes = ${staged.bytes},
                        "stagingKey" = ${key},
                        "stagedFiles" = ${JSON.stringify(staged.files)}::jsonb, "finishedAt" = ${new Date()}
                  WHERE "requestId" = ${requestId} AND "sourceKey" = ${sourceKey} AND ${move.guard}`,
      [
        {
          actor: WORKFLOW_ACTOR,
          action: "source.collected",
          requestId,
          target: { type: "RequestSource", id: sourceKey },
          metadata: { records: staged.recordCount, bytes: staged.bytes },
        },
      ],
    );
    if (!done) throw new Error(`Request ${requestId} has no source "${sourceKey}" being collected any more.`);
    return { sourceKey, ...staged };
  } catch (error) {
    await db.requestSource.update({ where, data: { error: describeFailure(error) } });
    throw error;
  }
}

type Attempt = {
  subjectId: string | null;
  rangeFrom: Date | null;
  rangeTo: Date | null;
  formats: string[];
  email: string;
};

/**
 * Marks the source COLLECTING for one more attempt and reads what collecting it needs (the
 * request's subject, range and formats, the data subject's email), in one statement. A FAILED
 * source is refused: only staff reopen it (source-lifecycle.ts).
 */
async function startAttempt(requestId: string, sourceKey: string): Promise<Attempt> {
  const move = sourceMoveSql(SourceStatus.COLLECTING, { table: "s" });
  const [attempt] = await db.$queryRaw<Attempt[]>`
    UPDATE "RequestSource" AS s
       SET ${move.set}, attempts = s.attempts + 1, "startedAt" = ${new Date()}, "finishedAt" = NULL, error = NULL,
           "recordCount" = 0
      FROM "PrivacyRequest" AS r JOIN "User" AS u ON u.id = r."userId"
           LEFT JOIN "RequestMandate" AS m ON m."requestId" = r.id
     WHERE s."requestId" = ${requestId} AND s."sourceKey" = ${sourceKey} AND r.id = s."requestId" AND ${move.guard}
    RETURNING r."subjectId", r."rangeFrom", r."rangeTo", r.formats::text[] AS formats,
              COALESCE(m."subjectEmail", u.email) AS email`;
  if (!attempt) {
    throw new Error(`Request ${requestId} has no source "${sourceKey}" to collect (a failed one is reopened first).`);
  }
  return attempt;
}

/** The source's records in their staged form: written by its database where it can, else serialised here. */
async function serializedPages(
  source: DataSource,
  subject: DataSubject,
  options: SerializeOptions,
): Promise<AsyncIterable<SerializedPage>> {
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
