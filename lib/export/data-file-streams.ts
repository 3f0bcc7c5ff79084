import { Transform, type TransformCallback } from "node:stream";

// The package step copies bytes: the collect step already wrote every record in its final form
// (staging.ts), so data/<source>.json and data/<source>.csv are the staged bytes with their
// framing added, counted on the way so the archive can be checked against the collect step.

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const JSON_OPEN = Buffer.from("[\n");
const JSON_SEPARATOR = Buffer.from(",\n");
const JSON_CLOSE = Buffer.from("\n]\n");
const JSON_EMPTY = Buffer.from("[]\n");

/**
 * NDJSON in (one record per line, as staged), the JSON array of data/<source>.json out: "[\n",
 * the lines joined by ",\n", "\n]\n" — the same bytes as serialising those records again,
 * without parsing and re-serialising them. JSON.stringify never writes a raw line break inside
 * a value, so every line break ends exactly one record.
 */
export class JsonArrayFromLines extends Transform {
  /** Records seen so far; final once the stream has ended. */
  records = 0;
  #opened = false;
  /** The previous chunk ended with a record's line break; whether a "," follows depends on what comes next. */
  #lineEnded = false;
  /** Bytes of a record whose line break has not arrived yet. */
  #midLine = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length === 0) return callback();
    const parts: Buffer[] = [];
    if (!this.#opened) parts.push(JSON_OPEN);
    else if (this.#lineEnded) parts.push(JSON_SEPARATOR);
    this.#opened = true;
    this.#lineEnded = false;
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) {
        parts.push(chunk.subarray(start));
        this.#midLine = true;
        break;
      }
      this.records += 1;
      this.#midLine = false;
      parts.push(chunk.subarray(start, end));
      if (end === chunk.length - 1) {
        this.#lineEnded = true;
        break;
      }
      parts.push(JSON_SEPARATOR);
      start = end + 1;
    }
    callback(null, Buffer.concat(parts));
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#opened) return callback(null, JSON_EMPTY);
    if (this.#midLine) this.records += 1; // a last record without its line break
    callback(null, JSON_CLOSE);
  }
}

/**
 * The staged CSV records (RFC 4180, CRLF after each) behind the file's header, counting records
 * as they pass: a line break inside a quoted cell is part of the cell, not the end of a record.
 */
export class CsvRecordsAfterHeader extends Transform {
  /** Records seen so far; final once the stream has ended. */
  records = 0;
  #header: Buffer | undefined;
  #quoted = false;

  constructor(header: string) {
    super();
    this.#header = Buffer.from(header);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#count(chunk);
    const header = this.#header;
    this.#header = undefined;
    callback(null, header ? Buffer.concat([header, chunk]) : chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.#header); // an empty history still gets its header row
  }

  #count(chunk: Buffer): void {
    let position = 0;
    while (position < chunk.length) {
      if (this.#quoted) {
        // Inside quotes only a quote matters; a doubled quote closes and reopens, which nets out.
        const close = chunk.indexOf(QUOTE, position);
        if (close === -1) return;
        this.#quoted = false;
        position = close + 1;
        continue;
      }
      const open = chunk.indexOf(QUOTE, position);
      const unquoted = chunk.subarray(position, open === -1 ? chunk.length : open);
      for (let newline = unquoted.indexOf(NEWLINE); newline !== -1; newline = unquoted.indexOf(NEWLINE, newline + 1)) {
        this.records += 1;
      }
      if (open === -1) return;
      this.#quoted = true;
      position = open + 1;
    }
  }
}
