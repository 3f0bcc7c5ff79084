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

/** What turns a file's content, chunk by chunk, into the file: its framing, and the records it counted. */
export interface DataFileFraming {
  /** Records seen so far; final after end(). */
  readonly records: number;
  frame(chunk: Buffer): Buffer;
  /** The file's last bytes. */
  end(): Buffer;
}

/**
 * NDJSON in (one record per line, as staged), the JSON array of data/<source>.json out: "[\n",
 * the lines joined by ",\n", "\n]\n" — the same bytes as serialising those records again,
 * without parsing and re-serialising them. JSON.stringify never writes a raw line break inside
 * a value, so every line break ends exactly one record.
 */
export class JsonArrayFraming implements DataFileFraming {
  records = 0;
  #opened = false;
  /** The previous chunk ended with a record's line break; whether a "," follows depends on what comes next. */
  #lineEnded = false;
  /** Bytes of a record whose line break has not arrived yet. */
  #midLine = false;

  frame(chunk: Buffer): Buffer {
    if (chunk.length === 0) return chunk;
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
    return Buffer.concat(parts);
  }

  end(): Buffer {
    if (!this.#opened) return JSON_EMPTY;
    if (this.#midLine) this.records += 1; // a last record without its line break
    return JSON_CLOSE;
  }
}

/**
 * The staged CSV records (RFC 4180, CRLF after each) behind the file's header, counting records
 * as they pass: a line break inside a quoted cell is part of the cell, not the end of a record.
 */
export class CsvFraming implements DataFileFraming {
  records = 0;
  #header: Buffer | undefined;
  #quoted = false;

  constructor(header: string) {
    this.#header = Buffer.from(header);
  }

  frame(chunk: Buffer): Buffer {
    this.#count(chunk);
    const header = this.#header;
    this.#header = undefined;
    return header ? Buffer.concat([header, chunk]) : chunk;
  }

  end(): Buffer {
    const header = this.#header ?? Buffer.alloc(0); // an empty history still gets its header row
    this.#header = undefined;
    return header;
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

/** A framing as a stream stage. */
class FramingStream extends Transform {
  constructor(private readonly framing: DataFileFraming) {
    super();
  }

  /** Records seen so far; final once the stream has ended. */
  get records(): number {
    return this.framing.records;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const framed = this.framing.frame(chunk);
    callback(null, framed.length > 0 ? framed : undefined);
  }

  override _flush(callback: TransformCallback): void {
    const last = this.framing.end();
    callback(null, last.length > 0 ? last : undefined);
  }
}

/** data/<source>.json from staged NDJSON lines, as a stream (JsonArrayFraming). */
export class JsonArrayFromLines extends FramingStream {
  constructor() {
    super(new JsonArrayFraming());
  }
}

/** data/<source>.csv from staged CSV records, as a stream (CsvFraming). */
export class CsvRecordsAfterHeader extends FramingStream {
  constructor(header: string) {
    super(new CsvFraming(header));
  }
}
