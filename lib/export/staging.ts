import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import type { DataSource, ExportRecord } from "@/lib/sources/types";
import type { BlobStore } from "@/lib/storage/blob-store";
import { projectRecord } from "./project-record";

// Staging holds one source's records for one data subject between the collect step and the
// package step, as NDJSON (one JSON object per line): appendable while collecting, readable
// line by line while packaging, so neither step ever holds a whole history in memory. Workflow
// step outputs carry only the returned counts, never the data.

export type StagedSource = { recordCount: number; bytes: number };

/**
 * Streams the collector's pages into `key` as NDJSON, each record projected onto the source's
 * allow-list. Memory is bounded by one page: the next page is only pulled when the store has
 * drained the previous one. On failure the partial object is removed and the error rethrown.
 */
export async function stageSourceRecords(
  store: BlobStore,
  key: string,
  source: Pick<DataSource, "key" | "fields">,
  pages: AsyncIterable<ExportRecord[]>,
): Promise<StagedSource> {
  let recordCount = 0;
  let bytes = 0;

  async function* lines(): AsyncGenerator<string> {
    for await (const page of pages) {
      if (page.length === 0) continue;
      // One chunk per page: large enough to keep stream overhead low, bounded by the page size.
      let chunk = "";
      for (const record of page) chunk += JSON.stringify(projectRecord(source, record)) + "\n";
      recordCount += page.length;
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  }

  // Readable.from pulls from the generator only when the consumer reads: that is the backpressure.
  const body = Readable.from(lines(), { objectMode: false });
  try {
    await store.put(key, body, { contentType: "application/x-ndjson" });
  } catch (error) {
    body.destroy();
    await store.delete(key).catch(() => undefined);
    throw error;
  }
  return { recordCount, bytes };
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
