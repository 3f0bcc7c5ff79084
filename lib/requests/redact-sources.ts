import { appendAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { redactedRecords } from "@/lib/disclosure/redact-records";
import { serializeRecordPages, readStagedRecords, stageSerializedPages, stagedFileKey } from "@/lib/export/staging";
import { translator } from "@/lib/i18n/translator";
import { getSource } from "@/lib/sources/registry";
import type { ExportRecord } from "@/lib/sources/types";
import { getBlobStore } from "@/lib/storage";
import type { BlobStore } from "@/lib/storage/blob-store";
import { WORKFLOW_ACTOR } from "./transition";

// Art. 15(4) at release: staged files are already in their final, deflated form, so a source with
// spans to redact is staged again from its staged records with the marker in place, one record at
// a time (bounded memory; the redactions themselves are a reviewer's workload, held in full). The
// new files replace the old ones on the RequestSource row; a replayed step finds the row already
// pointing at them and does nothing.

const REDACTED_SUFFIX = ".redacted.ndjson";
const PAGE_RECORDS = 500;

/** Restages every source of the request with REDACT decisions; returns how many spans were redacted per source. */
export async function redactStagedSources(
  requestId: string,
  store: BlobStore = getBlobStore(),
): Promise<Record<string, number>> {
  const request = await db.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { locale: true, formats: true },
  });
  const marker = translator(request.locale)("disclosure.marker");
  const sources = await db.disclosureFinding.groupBy({
    by: ["sourceKey"],
    where: { requestId, decision: "REDACT" },
    _count: true,
  });
  const redacted: Record<string, number> = {};
  for (const { sourceKey, _count } of sources) {
    await redactSource(store, requestId, sourceKey, marker, request.formats.includes("CSV"));
    redacted[sourceKey] = _count;
  }
  return redacted;
}

async function redactSource(
  store: BlobStore,
  requestId: string,
  sourceKey: string,
  marker: string,
  csv: boolean,
): Promise<void> {
  const row = await db.requestSource.findUniqueOrThrow({ where: { requestId_sourceKey: { requestId, sourceKey } } });
  if (!row.stagingKey) throw new Error(`Source "${sourceKey}" has findings but nothing staged.`);
  if (row.stagingKey.endsWith(REDACTED_SUFFIX)) return; // already restaged by an earlier run of this step
  const redactions = await db.disclosureFinding.findMany({
    where: { requestId, sourceKey, decision: "REDACT" },
    orderBy: [{ recordIndex: "asc" }, { start: "asc" }],
    select: { recordIndex: true, path: true, start: true, end: true, matched: true },
  });
  const source = getSource(sourceKey);
  const key = row.stagingKey.replace(/\.ndjson$/, "") + REDACTED_SUFFIX;
  const records = redactedRecords(readStagedRecords(store, row.stagingKey), redactions, marker);
  const staged = await stageSerializedPages(store, key, source, serializeRecordPages(source, inPages(records), csv), {
    csv,
  });
  if (staged.recordCount !== row.recordCount)
    throw new Error(`Restaging "${sourceKey}" gave ${staged.recordCount} records, not ${row.recordCount}.`);
  await db.$transaction(async (tx) => {
    await tx.requestSource.update({
      where: { id: row.id },
      data: { stagingKey: key, stagedFiles: staged.files, bytes: staged.bytes },
    });
    await appendAuditEvent(tx, {
      actor: WORKFLOW_ACTOR,
      action: "source.redacted",
      requestId,
      target: { type: "RequestSource", id: sourceKey },
      metadata: { redacted: redactions.length },
    });
  });
  // The unredacted files are not needed again; staging cleanup would remove them with the request anyway.
  await store
    .delete([stagedFileKey(row.stagingKey, "JSON"), stagedFileKey(row.stagingKey, "CSV"), row.stagingKey])
    .catch(() => undefined);
}

async function* inPages(records: AsyncIterable<ExportRecord>): AsyncGenerator<ExportRecord[]> {
  let page: ExportRecord[] = [];
  for await (const record of records) {
    page.push(record);
    if (page.length === PAGE_RECORDS) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
