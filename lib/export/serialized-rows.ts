// The staged bytes of a source whose database serialises its rows (lib/sources/sql-serialize.ts):
// each row arrives as its JSON line, written by PostgreSQL, and the text of each CSV cell. The
// JSON line is copied as it is; the CSV record is assembled here with the same rules as
// csvRecordLine (formula guard, RFC 4180 quoting), but on bytes, so no row becomes a JavaScript
// value on the way. serialized-rows.test.ts checks the two against each other.

/**
 * How a cell's text becomes a CSV field, mirroring csvField: "raw" is a number or boolean (written
 * as is), "text" a string (guarded and quoted as needed), "json" a JSON value whose first byte
 * says which of the two it is ("r" or "s") and whose text follows.
 */
export type CellKind = "raw" | "text" | "json";

const COMMA = 0x2c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const NEWLINE = 0x0a;
const RAW_MARK = 0x72; // "r"
const CRLF = [0x0d, 0x0a];

/** Bytes that make a spreadsheet read a cell as a formula when they start it (csv.ts FORMULA_START). */
const FORMULA_START = byteSet("=+-@\t\r");
/** Bytes that make a field need quotes (csv.ts NEEDS_QUOTES). */
const NEEDS_QUOTES = byteSet('",\r\n');

function byteSet(characters: string): Uint8Array {
  const set = new Uint8Array(256);
  for (const character of characters) set[character.charCodeAt(0)] = 1;
  return set;
}

/** An output buffer that grows as needed; `take` hands over what was written and starts afresh. */
class ByteSink {
  #buffer: Buffer;
  #length = 0;

  constructor(private readonly initialSize: number) {
    this.#buffer = Buffer.allocUnsafe(initialSize);
  }

  reserve(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }

  /** Appends bytes [start, end) of `source`; the caller has reserved room for them. */
  copy(source: Buffer, start: number, end: number): void {
    if (end - start > 32) {
      this.#length += source.copy(this.#buffer, this.#length, start, end);
      return;
    }
    // Most cells are short: a loop is cheaper than a native call for each.
    const buffer = this.#buffer;
    let length = this.#length;
    for (let index = start; index < end; index += 1) buffer[length++] = source[index]!;
    this.#length = length;
  }

  byte(value: number): void {
    this.#buffer[this.#length++] = value;
  }

  take(): Buffer {
    const taken = this.#buffer.subarray(0, this.#length);
    this.#buffer = Buffer.allocUnsafe(this.initialSize);
    this.#length = 0;
    return taken;
  }
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Turns rows of [JSON line, CSV cell, CSV cell, …] into NDJSON and CSV records. `cells` says how
 * each CSV cell is written; without it only the JSON lines are written.
 */
export class SerializedRowWriter {
  readonly #json = new ByteSink(CHUNK_BYTES);
  readonly #csv: ByteSink | undefined;
  #records = 0;

  constructor(private readonly cells?: readonly CellKind[]) {
    if (cells) this.#csv = new ByteSink(CHUNK_BYTES);
  }

  /** Appends one row, as CopyBinaryReader hands it over (field 0 the JSON line, then the cells). */
  readonly write = (buffer: Buffer, starts: Int32Array, ends: Int32Array, fieldCount: number): void => {
    const jsonStart = starts[0]!;
    if (jsonStart === -1) throw new Error("A serialised row has no JSON line");
    this.#json.reserve(ends[0]! - jsonStart + 1);
    this.#json.copy(buffer, jsonStart, ends[0]!);
    this.#json.byte(NEWLINE);
    this.#records += 1;
    const csv = this.#csv;
    const cells = this.cells;
    if (!csv || !cells) return;
    if (fieldCount !== cells.length + 1)
      throw new Error(`A serialised row has ${fieldCount - 1} CSV cells, not ${cells.length}`);
    for (let cell = 0; cell < cells.length; cell += 1) {
      const start = starts[cell + 1]!;
      const end = ends[cell + 1]!;
      // Worst case: every byte a quote (doubled), the guard, two quotes and the separator.
      csv.reserve(start === -1 ? 3 : 2 * (end - start) + 4);
      if (cell > 0) csv.byte(COMMA);
      if (start === -1) continue; // NULL: an empty field
      const kind = cells[cell]!;
      if (kind === "raw") csv.copy(buffer, start, end);
      else if (kind === "text") writeTextField(csv, buffer, start, end);
      else if (buffer[start] === RAW_MARK) csv.copy(buffer, start + 1, end);
      else writeTextField(csv, buffer, start + 1, end);
    }
    csv.reserve(2);
    csv.byte(CRLF[0]!);
    csv.byte(CRLF[1]!);
  };

  /** The records written since the last call, and their bytes. */
  take(): { records: number; json: Buffer; csv?: Buffer } {
    const records = this.#records;
    this.#records = 0;
    return {
      records,
      json: this.#json.take(),
      ...(this.#csv ? { csv: this.#csv.take() } : {}),
    };
  }
}

/** A string cell as csvField writes it: guarded if it starts like a formula, quoted if it must be. */
function writeTextField(sink: ByteSink, buffer: Buffer, start: number, end: number): void {
  const guarded = start < end && FORMULA_START[buffer[start]!] === 1;
  let quoted = false;
  for (let index = start; index < end; index += 1) {
    if (NEEDS_QUOTES[buffer[index]!] === 1) {
      quoted = true;
      break;
    }
  }
  if (!quoted) {
    if (guarded) sink.byte(APOSTROPHE);
    sink.copy(buffer, start, end);
    return;
  }
  sink.byte(QUOTE);
  if (guarded) sink.byte(APOSTROPHE);
  for (let index = start; index < end; index += 1) {
    const value = buffer[index]!;
    sink.byte(value);
    if (value === QUOTE) sink.byte(QUOTE);
  }
  sink.byte(QUOTE);
}
