import { Readable } from "node:stream";
import type { ExportRecord } from "@/lib/sources/types";

// data/<source>.json is a JSON array with one record per line: valid JSON for any parser
// (Art. 20 asks for a "structured, commonly used and machine-readable format"), still readable
// in a text editor, and written record by record so a long history never sits in memory.

/** Flush to the archive in chunks of about this size rather than one tiny write per record. */
const CHUNK_BYTES = 64 * 1024;

export function exportJsonStream(records: AsyncIterable<ExportRecord>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    let pending = "";
    let first = true;
    for await (const record of records) {
      pending += (first ? "[\n" : ",\n") + JSON.stringify(record);
      first = false;
      if (pending.length >= CHUNK_BYTES) {
        yield pending;
        pending = "";
      }
    }
    yield first ? "[]\n" : pending + "\n]\n";
  }
  return Readable.from(chunks(), { objectMode: false });
}
