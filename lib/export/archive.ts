import { pipeline, Readable } from "node:stream";
import type { DataSource, ExportRecord } from "@/lib/sources/types";
import {
  archiveFormats,
  assertArchiveInput,
  dataFilePath,
  type ArchiveInput,
  type ArchiveSource,
  type ExportFormat,
} from "./archive-input";
import { csvHeader, exportCsvStream } from "./csv";
import { CsvRecordsAfterHeader, JsonArrayFromLines } from "./data-file-streams";
import { buildManifest, serializeManifest, type ManifestFile } from "./manifest";
import { compileProjector } from "./project-record";
import { renderReadmeHtml } from "./readme-html";
import { readStagedRecords, stagedCsvKey } from "./staging";
import type { BlobStore } from "@/lib/storage/blob-store";
import { ZipUpload } from "./zip-upload";

// The package step: turn what the collect steps staged into the archive the customer downloads
// (DESIGN.md, "Archive"). Data files first, each streamed from its staging object and measured
// on the way; then README.html and manifest.json, which describe the files just written.

export type ExportArchiveResult = {
  key: string;
  sizeBytes: number;
  /** sha256 of the whole ZIP as stored: record it on the ExportArchive row. */
  sha256: string;
  /** Every entry of the ZIP, in order: data files, README.html, then manifest.json itself. */
  files: ManifestFile[];
};

export const README_PATH = "README.html";
export const MANIFEST_PATH = "manifest.json";

/**
 * Streams the export archive for one request into `store` at `key` (see exportArchiveKey).
 * On any failure the partial archive is deleted and the error rethrown, so the package step
 * can simply be retried.
 */
export async function writeExportArchive(store: BlobStore, key: string, input: ArchiveInput): Promise<ExportArchiveResult> {
  assertArchiveInput(input);
  const zip = new ZipUpload(store, key, input.generatedAt);
  try {
    const dataFiles: ManifestFile[] = [];
    for (const entry of input.sources) {
      if (entry.status !== "DONE") continue; // a FAILED source is explained in README.html, not half-exported
      for (const format of archiveFormats(input)) {
        dataFiles.push(await appendDataFile(zip, store, entry, format));
      }
    }

    const readme = { path: README_PATH, ...(await zip.append(README_PATH, renderReadmeHtml(input, dataFiles))) };
    // The manifest lists README.html too; it cannot list its own checksum.
    const manifestFiles = [...dataFiles, readme];
    const manifestJson = serializeManifest(buildManifest(input, manifestFiles));
    const manifest = { path: MANIFEST_PATH, ...(await zip.append(MANIFEST_PATH, manifestJson)) };

    const archive = await zip.finish();
    return { key, sizeBytes: archive.bytes, sha256: archive.sha256, files: [...manifestFiles, manifest] };
  } catch (error) {
    await zip.abort(error);
    throw error;
  }
}

async function appendDataFile(
  zip: ZipUpload,
  store: BlobStore,
  entry: ArchiveSource,
  format: ExportFormat,
): Promise<ManifestFile> {
  const { source } = entry;
  const path = dataFilePath(source.key, format);
  const body = format === "JSON" ? await jsonFileBody(store, entry) : await csvFileBody(store, entry);
  const digest = await zip.append(path, body.stream);
  // The count comes from the collect step; if the staging object disagrees it was overwritten or
  // truncated, and an archive that misstates what it contains must not reach the customer.
  const records = body.records();
  if (records !== entry.recordCount) {
    throw new Error(`Staging object for "${source.key}" holds ${records} records, but ${entry.recordCount} were collected.`);
  }
  return { path, ...digest, records };
}

/** A data file's bytes, and how many records passed once they have all been read. */
type DataFileBody = { stream: Readable; records(): number };

/** data/<source>.json: the staged NDJSON lines framed as a JSON array (see JsonArrayFromLines). */
async function jsonFileBody(store: BlobStore, entry: ArchiveSource): Promise<DataFileBody> {
  if (!entry.stagingKey) return { stream: Readable.from([Buffer.from("[]\n")]), records: () => 0 };
  const framing = new JsonArrayFromLines();
  // pipeline (not pipe) so a read error of the staged object fails the data file, and the archive.
  const stream = pipeline(await openStaged(store, entry.stagingKey), framing, () => undefined);
  return { stream, records: () => framing.records };
}

/**
 * data/<source>.csv: the CSV records staged beside the NDJSON behind the header row. A staging
 * object written without them (by an older version, or a collect step that skipped CSV) is
 * converted record by record, projected onto the allow-list on the way.
 */
async function csvFileBody(store: BlobStore, entry: ArchiveSource): Promise<DataFileBody> {
  const fields = Object.keys(entry.source.fields);
  const staged = entry.stagingKey ? await store.get(stagedCsvKey(entry.stagingKey)) : null;
  if (staged || !entry.stagingKey) {
    const records = new CsvRecordsAfterHeader(csvHeader(fields));
    const stream = staged ? pipeline(staged.stream, records, () => undefined) : Readable.from([]).pipe(records);
    return { stream, records: () => records.records };
  }
  const counter = { records: 0 };
  const records = countedRecords(readStagedRecords(store, entry.stagingKey), counter, entry.source);
  return { stream: exportCsvStream(fields, records), records: () => counter.records };
}

async function openStaged(store: BlobStore, key: string): Promise<Readable> {
  const object = await store.get(key);
  if (!object) throw new Error(`Staging object "${key}" does not exist; collect the source again.`);
  return object.stream;
}

/**
 * Counts records as they stream and projects each one onto the allow-list again: this path reads
 * staged NDJSON back as records, so the allow-list is enforced here too.
 */
async function* countedRecords(
  records: AsyncIterable<ExportRecord>,
  counter: { records: number },
  source: Pick<DataSource, "fields">,
): AsyncGenerator<ExportRecord> {
  const project = compileProjector(source.fields);
  for await (const record of records) {
    counter.records += 1;
    yield project(record);
  }
}
