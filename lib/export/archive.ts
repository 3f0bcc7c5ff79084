import { pipeline, Readable } from "node:stream";
import pLimit from "p-limit";
import type { DataSource, ExportRecord } from "@/lib/sources/types";
import { isCollected } from "@/lib/requests/source-lifecycle";
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
import { openStaged, readStagedRecords, stagedCsvKey } from "./staging";
import type { BlobStore } from "@/lib/storage/blob-store";
import { deflateInMemory, deflateIntoStore, type DeflatedFile } from "./deflated-file";
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
export async function writeExportArchive(
  store: BlobStore,
  key: string,
  input: ArchiveInput,
): Promise<ExportArchiveResult> {
  assertArchiveInput(input);
  const zip = new ZipUpload(store, key, input.generatedAt);
  const files = input.sources
    .filter((entry) => isCollected(entry.status)) // a FAILED source is explained in README.html, not half-exported
    .flatMap((entry) => archiveFormats(input).map((format) => ({ entry, format })));
  // Staging written before the files were deflated at collect time is deflated here, two files
  // at once (each on a zlib thread) while the ZIP takes them in order.
  const limit = pLimit(2);
  let failed = false;
  const deflating = files.map(({ entry, format }) =>
    limit(() => (failed ? Promise.reject(new Error("The archive failed")) : deflateDataFile(store, entry, format))),
  );
  for (const pending of deflating) pending.catch(() => undefined); // each is awaited below, in order
  try {
    const dataFiles: ManifestFile[] = [];
    for (const [index, { entry, format }] of files.entries()) {
      const file = await deflating[index]!;
      const path = dataFilePath(entry.source.key, format);
      dataFiles.push({
        path,
        ...(await zip.appendDeflated(path, file.deflated, await file.open())),
        records: file.records,
      });
    }

    const readme = { path: README_PATH, ...(await zip.append(README_PATH, await renderReadmeHtml(input, dataFiles))) };
    // The manifest lists README.html too; it cannot list its own checksum.
    const manifestFiles = [...dataFiles, readme];
    const manifestJson = serializeManifest(buildManifest(input, manifestFiles));
    const manifest = { path: MANIFEST_PATH, ...(await zip.append(MANIFEST_PATH, manifestJson)) };

    const archive = await zip.finish();
    return { key, sizeBytes: archive.bytes, sha256: archive.sha256, files: [...manifestFiles, manifest] };
  } catch (error) {
    failed = true; // files still waiting for their turn are not deflated
    await zip.abort(error);
    throw error;
  } finally {
    await Promise.allSettled(deflating);
    const repacked = files.filter(({ entry, format }) => entry.stagingKey && !entry.files?.[format]);
    await store
      .delete(repacked.map(({ entry, format }) => repackedKey(entry.stagingKey!, format)))
      .catch(() => undefined);
  }
}

/** A data file deflated and checked against the collect step's count, ready to go into the ZIP. */
type DeflatedDataFile = { deflated: DeflatedFile; records: number; open(): Promise<Readable> };

/** Where a data file from older staging waits, deflated, between being compressed and being copied into the ZIP. */
function repackedKey(stagingKey: string, format: ExportFormat): string {
  return `${stagingKey.replace(/\.ndjson$/, "")}.${format.toLowerCase()}.repacked`;
}

async function deflateDataFile(
  store: BlobStore,
  entry: ArchiveSource,
  format: ExportFormat,
): Promise<DeflatedDataFile> {
  const staged = entry.files?.[format];
  if (staged) {
    // Deflated and counted at collect time; the count is checked against the source's row again,
    // which catches staged files from an earlier attempt of the collect step.
    assertCollectedCount(entry, staged.records);
    return { deflated: staged, records: staged.records, open: () => openStaged(store, staged.key) };
  }
  const body = format === "JSON" ? await jsonFileBody(store, entry) : await csvFileBody(store, entry);
  let deflated: DeflatedFile;
  let open: () => Promise<Readable>;
  if (entry.stagingKey) {
    const key = repackedKey(entry.stagingKey, format);
    deflated = await deflateIntoStore(store, key, body.stream);
    open = () => openStaged(store, key);
  } else {
    // Nothing collected: "[]" or the CSV header, a few bytes.
    const chunks: Buffer[] = [];
    for await (const chunk of body.stream) chunks.push(Buffer.from(chunk as Buffer));
    const small = deflateInMemory(Buffer.concat(chunks));
    deflated = small.file;
    open = async () => Readable.from([small.compressed]);
  }
  const records = body.records();
  assertCollectedCount(entry, records);
  return { deflated, records, open };
}

/**
 * The count comes from the collect step; if the staging object disagrees it was overwritten or
 * truncated, and an archive that misstates what it contains must not reach the customer.
 */
function assertCollectedCount(entry: ArchiveSource, records: number): void {
  if (records !== entry.recordCount) {
    throw new Error(
      `Staging object for "${entry.source.key}" holds ${records} records, but ${entry.recordCount} were collected.`,
    );
  }
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
