import { PassThrough } from "node:stream";
import { createInterface } from "node:readline";
import type { DataSource, ExportRecord, SerializedPage } from "@/lib/sources/types";
import type { BlobStore } from "@/lib/storage/blob-store";
import { csvRecordLine } from "./csv";
import { compileProjector } from "./project-record";

// Staging holds one source's records for one data subject between the collect step and the
// package step, already in their final form: NDJSON (one JSON object per line, exactly the lines
// of data/<source>.json) and, beside it, the CSV records of data/<source>.csv. Appendable while
// collecting, copied as bytes while packaging, so neither step ever holds a whole history in
// memory and no record is parsed or serialised twice. Workflow step outputs carry only the
// returned counts, never the data.

export type StagedSource = { recordCount: number; bytes: number };

export type StageOptions = {
  /** Also stage the CSV records (default true); without them packaging builds the CSV from the NDJSON. */
  csv?: boolean;
};

/** Where the CSV records staged beside the NDJSON object `key` live (same prefix, so cleanup finds them). */
export function stagedCsvKey(key: string): string {
  return `${key.replace(/\.ndjson$/, "")}.csv`;
}

/**
 * Streams the collector's pages into `key` as NDJSON (and their CSV records into stagedCsvKey),
 * each record projected once onto the source's allow-list by its compiled projector: this is
 * where records become the bytes the customer receives. Memory is bounded by one page: the next
 * page is only pulled when storage has taken the previous one. On failure the partial objects
 * are removed and the error rethrown.
 */
export async function stageSourceRecords(
  store: BlobStore,
  key: string,
  source: Pick<DataSource, "key" | "fields">,
  pages: AsyncIterable<ExportRecord[]>,
  options: StageOptions = {},
): Promise<StagedSource> {
  const csv = options.csv !== false;
  return stageSerializedPages(store, key, serializeRecordPages(source, pages, csv), { csv });
}

/** Records → their NDJSON lines and CSV records, one chunk per page and file (large enough to keep stream overhead low). */
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
 * Streams pages already in their staged form into `key` (and their CSV records into
 * stagedCsvKey): the records of stageSourceRecords, or the bytes a source's database wrote
 * (DataSource.serialize). Same bounds and clean-up as stageSourceRecords.
 */
export async function stageSerializedPages(
  store: BlobStore,
  key: string,
  pages: AsyncIterable<SerializedPage>,
  options: StageOptions = {},
): Promise<StagedSource> {
  const json = new PassThrough();
  const csv = options.csv === false ? undefined : new PassThrough();
  let recordCount = 0;
  let bytes = 0;

  async function produce(): Promise<void> {
    for await (const page of pages) {
      if (page.records === 0) continue;
      recordCount += page.records;
      bytes += Buffer.byteLength(page.json);
      await Promise.all([written(json, page.json), csv && written(csv, page.csv ?? "")]);
    }
    json.end();
    csv?.end();
  }

  const uploads = [
    store.put(key, json, { contentType: "application/x-ndjson" }),
    ...(csv ? [store.put(stagedCsvKey(key), csv, { contentType: "text/csv" })] : []),
  ];
  const producing = produce();
  try {
    await Promise.all([producing, ...uploads]);
  } catch (error) {
    json.destroy();
    csv?.destroy();
    const settled = await Promise.allSettled([producing, ...uploads]);
    await store.delete(csv ? [key, stagedCsvKey(key)] : key).catch(() => undefined);
    // The collector's own failure says more than the "premature close" it causes in storage.
    const first = settled[0];
    throw first.status === "rejected" ? first.reason : error;
  }
  return { recordCount, bytes };
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

/** The staged records of `key`, one at a time. Throws if the staging object does not exist. */
export async function* readStagedRecords(store: BlobStore, key: string): AsyncGenerator<ExportRecord> {
  const object = await store.get(key);
  if (!object) throw new Error(`Staging object "${key}" does not exist; collect the source again.`);
  const lines = createInterface({ input: object.stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === "") continue;
      yield JSON.parse(line) as ExportRecord;
    }
  } finally {
    // Also runs when the consumer stops early: release the underlying file or HTTP body.
    lines.close();
    object.stream.destroy();
  }
}
