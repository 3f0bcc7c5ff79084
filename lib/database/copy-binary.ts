// PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
// "Binary Format"): a signature and header, then each row as a 16-bit field count followed by
// each field as a 32-bit length (-1 for NULL) and that many bytes, then a field count of -1.
// Read here without building a value per field: the export only copies the fields' bytes, and a
// million rows of JavaScript strings is exactly the cost this format lets us skip.
// (pg-copy-streams-binary decodes every field into a value, so it cannot serve that purpose.)

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_FIXED = SIGNATURE.length + 8; // signature, flags, header extension length

/**
 * One row's fields inside `buffer`: field i spans bytes [starts[i], ends[i]); a NULL field has
 * starts[i] === -1. Valid only during the visit: the buffer is reused afterwards.
 */
export type CopyRowVisitor = (buffer: Buffer, starts: Int32Array, ends: Int32Array, fieldCount: number) => void;

export class CopyBinaryReader {
  #pending: Buffer | undefined;
  #headerRead = false;
  #ended = false;
  #starts = new Int32Array(16);
  #ends = new Int32Array(16);

  /** True once the trailer has been read: the COPY sent every row. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Reads every complete row in `chunk` (after any bytes left from the previous one) and returns how many. */
  read(chunk: Buffer, visit: CopyRowVisitor): number {
    const buffer = this.#pending ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = undefined;
    let position = 0;
    if (!this.#headerRead) {
      if (buffer.length < HEADER_FIXED) return this.#keep(buffer, 0);
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE))
        throw new Error("COPY output is not in PostgreSQL's binary format");
      const headerEnd = HEADER_FIXED + buffer.readInt32BE(SIGNATURE.length + 4);
      if (buffer.length < headerEnd) return this.#keep(buffer, 0);
      position = headerEnd;
      this.#headerRead = true;
    }
    let rows = 0;
    while (!this.#ended && position + 2 <= buffer.length) {
      const fieldCount = buffer.readInt16BE(position);
      if (fieldCount === -1) {
        this.#ended = true;
        break;
      }
      const end = this.#fieldsOf(buffer, position + 2, fieldCount);
      if (end === -1) break; // the row continues in the next chunk
      visit(buffer, this.#starts, this.#ends, fieldCount);
      rows += 1;
      position = end;
    }
    if (!this.#ended) this.#keep(buffer, position);
    return rows;
  }

  /** Records where each field of the row starting at `position` lies; -1 if the row is incomplete. */
  #fieldsOf(buffer: Buffer, position: number, fieldCount: number): number {
    if (fieldCount > this.#starts.length) {
      this.#starts = new Int32Array(fieldCount);
      this.#ends = new Int32Array(fieldCount);
    }
    for (let field = 0; field < fieldCount; field += 1) {
      if (position + 4 > buffer.length) return -1;
      const length = buffer.readInt32BE(position);
      position += 4;
      if (length === -1) {
        this.#starts[field] = -1;
        this.#ends[field] = -1;
        continue;
      }
      if (position + length > buffer.length) return -1;
      this.#starts[field] = position;
      this.#ends[field] = position + length;
      position += length;
    }
    return position;
  }

  #keep(buffer: Buffer, from: number): number {
    // A copy, not a view: the caller may reuse the chunk it passed in.
    if (from < buffer.length) this.#pending = Buffer.from(buffer.subarray(from));
    return 0;
  }
}
