import type { DataSource, ExportRecord } from "@/lib/sources/types";
import {
  archiveFormats,
  assertArchiveInput,
  dataFilePath,
  type ArchiveInput,
  type ArchiveSource,
  type ExportFormat,
} from "./archive-input";
import { exportCsvStream } from "./csv";
import { exportJsonStream } from "./json";
import { buildManifest, serializeManifest, type ManifestFile } from "./manifest";
import { projectRecord } from "./project-record";
import { renderReadmeHtml } from "./readme-html";
import { readStagedRecords } from "./staging";
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
  const counter = { records: 0 };
  const records = countedRecords(stagedRecords(store, entry), counter, source);
  const body = format === "JSON" ? exportJsonStream(records) : exportCsvStream(Object.keys(source.fields), records);
  const digest = await zip.append(path, body);
  // The count comes from the collect step; if the staging object disagrees it was overwritten or
  // truncated, and an archive that misstates what it contains must not reach the customer.
  if (counter.records !== entry.recordCount) {
    throw new Error(
      `Staging object for "${source.key}" holds ${counter.records} records, but ${entry.recordCount} were collected.`,
    );
  }
  return { path, ...digest, records: counter.records };
}

function stagedRecords(store: BlobStore, entry: ArchiveSource): AsyncIterable<ExportRecord> {
  return entry.stagingKey ? readStagedRecords(store, entry.stagingKey) : noRecords();
}

async function* noRecords(): AsyncGenerator<ExportRecord> {}

/**
 * Counts records as they stream and projects each one onto the allow-list again: staging already
 * did, but this is the last point before data leaves the company, so it is enforced here too.
 */
async function* countedRecords(
  records: AsyncIterable<ExportRecord>,
  counter: { records: number },
  source: Pick<DataSource, "fields">,
): AsyncGenerator<ExportRecord> {
  for await (const record of records) {
    counter.records += 1;
    yield projectRecord(source, record);
  }
}
