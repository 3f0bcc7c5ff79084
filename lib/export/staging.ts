import { PassThrough, type Readable } from "node:stream";
import { createInterface } from "node:readline";
import { createInflateRaw } from "node:zlib";
import type { DataSource, ExportRecord, SerializedPage } from "@/lib/sources/types";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { ExportFormat } from "./archive-input";
import { csvHeader, csvRecordLine } from "./csv";
import {
  CsvFraming,
  CsvRecordsAfterHeader,
  JsonArrayFraming,
  JsonArrayFromLines,
  type DataFileFraming,
} from "./data-file-streams";
import { deflateInMemory, deflateIntoStore, type DeflatedFile } from "./deflated-file";
import { compileProjector } from "./project-record";

// Staging holds one source's data files for one data subject between the collect step and the
// package step, already in their final form and deflated: data/<source>.json (and, when asked
// for, data/<source>.csv) exactly as the archive holds them, with the CRC-32, sizes and sha256
// the ZIP and the manifest need. Packaging is then a copy. Compressing here, not there, lets the
// deflate run on zlib's threads while the source's database is still sending rows (issue #11).
// Neither step holds a whole history in memory; workflow step outputs carry only the counts and
// the files' measurements, never the data.
//
// Staging written before this (NDJSON lines at the staging key, CSV records at stagedCsvKey) is
// still packaged: see archive.ts.

/** One staged data file: where it is, its measurements, and how many records it holds. */
export type StagedDataFile = DeflatedFile & { key: string; records: number };
export type StagedFiles = Partial<Record<ExportFormat, StagedDataFile>>;

export type StagedSource = { recordCount: number; bytes: number; files: StagedFiles };

export type StageOptions = {
  /** Also stage data/<source>.csv (default true). */
  csv?: boolean;
};

/**
 * Where the CSV records staged beside the NDJSON object `key` lived, in staging written before the
 * files were deflated.
 */
export function stagedCsvKey(key: string): string {
  return `${key.replace(/\.ndjson$/, "")}.csv`;
}

/**
 * Where the deflated data file of `format` staged for the staging key `key` lives (same prefix, so
 * cleanup finds it).
 */
export function stagedFileKey(key: string, format: ExportFormat): string {
  return `${key.replace(/\.ndjson$/, "")}.${format === "JSON" ? "json" : "csv"}.deflate`;
}

/**
 * Streams the collector's pages into the source's staged data files, each record projected once
 * onto the source's allow-list by its compiled projector: this is where records become the bytes
 * the customer receives. Memory is bounded by one page: the next page is only pulled when
 * storage has taken the previous one. On failure the partial objects are removed and the error
 * rethrown.
 */
export async function stageSourceRecords(
  store: BlobStore,
  key: string,
  source: Pick<DataSource, "key" | "fields">,
  pages: AsyncIterable<ExportRecord[]>,
  options: StageOptions = {},
): Promise<StagedSource> {
  const csv = options.csv !== false;
  return stageSerializedPages(store, key, source, serializeRecordPages(source, pages, csv), { csv });
}

/**
 * Records → their NDJSON lines and CSV records, one chunk per page and file (large enough to keep
 * stream overhead low).
 */
export async function* serializeRecordPages(
  source: Pick<DataSource, "fields">,
  pages: AsyncIterable<ExportRecord[]>,
  csv: boolean,
): AsyncGenerator<SerializedPage> {
  const project = compileProjector(source.fields);
  const fields = Object.keys(source.fields);
  for await (const page of pages) {
    let lines = "";
    let rows = "";
    for (const record of page) {
      const projected = project(record);
      lines += JSON.stringify(projected) + "\n";
      if (csv) rows += csvRecordLine(fields, projected);
    }
    yield { records: page.length, json: lines, ...(csv ? { csv: rows } : {}) };
  }
}

/**
 * Below this many bytes of JSON and CSV, a source's files are framed and deflated in memory and
 * stored in one write each: a typical subject's sources are a few kilobytes, and a stream
 * pipeline per file (framing, measuring, deflate, storage) cost more CPU than the data (issue #11).
 */
export const IN_MEMORY_BYTES = 256 * 1024;

/**
 * Stages pages already in their staged form (NDJSON lines, CSV records) as the source's data
 * files: the records of stageSourceRecords, or the bytes a source's database wrote
 * (DataSource.serialize). Same bounds and clean-up as stageSourceRecords.
 */
export async function stageSerializedPages(
  store: BlobStore,
  key: string,
  source: Pick<DataSource, "fields">,
  pages: AsyncIterable<SerializedPage>,
  options: StageOptions = {},
): Promise<StagedSource> {
  const header = options.csv === false ? undefined : csvHeader(Object.keys(source.fields));
  const iterator = pages[Symbol.asyncIterator]();
  const head: SerializedPage[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return stageInMemory(store, key, head, header);
    head.push(next.value);
    size += Buffer.byteLength(next.value.json) + (next.value.csv === undefined ? 0 : Buffer.byteLength(next.value.csv));
    if (size > IN_MEMORY_BYTES) return stageStreaming(store, key, header, resumed(head, iterator));
  }
}

/** Pages already read, then the rest; stopping early stops the source too. */
async function* resumed(head: SerializedPage[], rest: AsyncIterator<SerializedPage>): AsyncGenerator<SerializedPage> {
  let finished = false;
  try {
    yield* head;
    for (;;) {
      const next = await rest.next();
      if (next.done) break;
      yield next.value;
    }
    finished = true;
  } finally {
    if (!finished) await rest.return?.();
  }
}

async function stageInMemory(
  store: BlobStore,
  key: string,
  pages: SerializedPage[],
  csvHeaderRow: string | undefined,
): Promise<StagedSource> {
  const formats: Array<[ExportFormat, DataFileFraming]> = [["JSON", new JsonArrayFraming()]];
  if (csvHeaderRow !== undefined) formats.push(["CSV", new CsvFraming(csvHeaderRow)]);
  let recordCount = 0;
  let bytes = 0;
  const content = formats.map((): Buffer[] => []);
  for (const page of pages) {
    if (page.records === 0) continue;
    recordCount += page.records;
    bytes += Buffer.byteLength(page.json);
    formats.forEach(([format, framing], index) =>
      content[index]!.push(framing.frame(Buffer.from((format === "JSON" ? page.json : page.csv) ?? ""))),
    );
  }
  try {
    const files: StagedFiles = {};
    for (const [index, [format, framing]] of formats.entries()) {
      const { file, compressed } = deflateInMemory(Buffer.concat([...content[index]!, framing.end()]));
      const fileKey = stagedFileKey(key, format);
      await store.put(fileKey, compressed, { contentType: "application/octet-stream" });
      files[format] = { ...file, key: fileKey, records: framing.records };
    }
    assertRecordCounts(files, recordCount);
    return { recordCount, bytes, files };
  } catch (error) {
    await store.delete([stagedFileKey(key, "JSON"), stagedFileKey(key, "CSV")]).catch(() => undefined);
    throw error;
  }
}

/**
 * Every line break ends one record (JSON.stringify and row_to_json never write one inside a value):
 * a count that disagrees means a line was split or lost, and must not be staged.
 */
function assertRecordCounts(files: StagedFiles, recordCount: number): void {
  for (const file of Object.values(files)) {
    if (file.records !== recordCount)
      throw new Error(`${file.key} holds ${file.records} records, but ${recordCount} were collected.`);
  }
}

/**
 * A data file being written: pages go in as NDJSON lines or CSV records, framed and deflated on
 * their way to storage.
 */
type DataFileWriter = { input: PassThrough; done: Promise<StagedDataFile> };

function dataFileWriter(
  store: BlobStore,
  key: string,
  framing: JsonArrayFromLines | CsvRecordsAfterHeader,
): DataFileWriter {
  const input = new PassThrough();
  // pipe, not pipeline: a failure is reported once, through deflateIntoStore.
  input.on("error", (error) => framing.destroy(error));
  const done = deflateIntoStore(store, key, input.pipe(framing)).then((file) => ({
    ...file,
    key,
    records: framing.records,
  }));
  return { input, done };
}

/**
 * A source too large for stageInMemory: each file framed and deflated while its pages arrive, one
 * page in memory at a time.
 */
async function stageStreaming(
  store: BlobStore,
  key: string,
  csvHeaderRow: string | undefined,
  pages: AsyncIterable<SerializedPage>,
): Promise<StagedSource> {
  const json = dataFileWriter(store, stagedFileKey(key, "JSON"), new JsonArrayFromLines());
  const csv =
    csvHeaderRow === undefined
      ? undefined
      : dataFileWriter(store, stagedFileKey(key, "CSV"), new CsvRecordsAfterHeader(csvHeaderRow));
  let recordCount = 0;
  let bytes = 0;

  async function produce(): Promise<void> {
    for await (const page of pages) {
      if (page.records === 0) continue;
      recordCount += page.records;
      bytes += Buffer.byteLength(page.json);
      await Promise.all([written(json.input, page.json), csv && written(csv.input, page.csv ?? "")]);
    }
    json.input.end();
    csv?.input.end();
  }

  const producing = produce();
  try {
    const [, jsonFile, csvFile] = await Promise.all([producing, json.done, csv?.done]);
    const files = { JSON: jsonFile, ...(csvFile ? { CSV: csvFile } : {}) };
    assertRecordCounts(files, recordCount);
    return { recordCount, bytes, files };
  } catch (error) {
    // With an error, so the framing and deflate behind each input stop too, not wait for more.
    const stopped = new Error("Staging stopped.");
    json.input.destroy(stopped);
    csv?.input.destroy(stopped);
    const settled = await Promise.allSettled([producing, json.done, csv?.done]);
    await store.delete([stagedFileKey(key, "JSON"), stagedFileKey(key, "CSV")]).catch(() => undefined);
    // The collector's own failure says more than the "premature close" it causes in storage.
    const first = settled[0];
    throw first.status === "rejected" ? first.reason : error;
  }
}

/** A staged object's bytes as stored. Throws if it does not exist. */
export async function openStaged(store: BlobStore, key: string): Promise<Readable> {
  const object = await store.get(key);
  if (!object) throw new Error(`Staging object "${key}" does not exist; collect the source again.`);
  return object.stream;
}

/** A staged data file's bytes, inflated: what the archive will hold. */
export async function openStagedFile(store: BlobStore, file: Pick<StagedDataFile, "key">): Promise<Readable> {
  return inflated(await openStaged(store, file.key));
}

function inflated(stream: Readable): Readable {
  const inflate = createInflateRaw();
  stream.on("error", (error) => inflate.destroy(error));
  return stream.pipe(inflate);
}

/** Writes `chunk` and waits until the stream wants more: that wait is the backpressure on the collector. */
async function written(stream: PassThrough, chunk: Buffer | string): Promise<void> {
  if (stream.destroyed) throw new Error("Storage stopped reading the staged data.");
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off("drain", done).off("close", done);
      resolve();
    };
    stream.on("drain", done).on("close", done);
  });
  if (stream.destroyed) throw new Error("Storage stopped reading the staged data.");
}

/**
 * The staged records of `key`, one at a time, from either form of staging: the deflated
 * data/<source>.json, or the NDJSON lines staged before it. Throws if neither exists.
 */
export async function* readStagedRecords(store: BlobStore, key: string): AsyncGenerator<ExportRecord> {
  const deflated = await store.get(stagedFileKey(key, "JSON"));
  const stream = deflated ? inflated(deflated.stream) : await openStaged(store, key);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      // The JSON file's framing: "[", "]", and the "," that ends each record but the last.
      const record = line.endsWith(",") ? line.slice(0, -1) : line;
      if (record.trim() === "" || record === "[" || record === "]" || record === "[]") continue;
      yield JSON.parse(record) as ExportRecord;
    }
  } finally {
    // Also runs when the consumer stops early: release the underlying file or HTTP body.
    lines.close();
    stream.destroy();
  }
}
