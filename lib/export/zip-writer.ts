import { once } from "node:events";
import type { Writable } from "node:stream";

// The ZIP container (PKWARE APPNOTE 6.3.10) around entries that arrive already deflated
// (deflated-file.ts): a local header before each entry's bytes, then the central directory and
// the end records, with ZIP64 fields where a size or an offset does not fit in 32 bits.
// Hand-written on Node streams because the libraries that take pre-compressed entries either
// run each entry through web streams (zip.js: 6 % of the worker's CPU in a burst of small exports,
// issue #11) or cannot write ZIP64 (fflate); yazl and archiver deflate everything themselves.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;

const UTF8_NAMES = 0x0800; // general purpose flag bit 11: names are UTF-8
const DEFLATE = 8;
const VERSION_DEFLATE = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = 3 << 8;
const REGULAR_FILE = 0o100644 << 16; // external attributes: rw-r--r--, as unzip restores it
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
const TIMESTAMP_EXTRA = 0x5455; // Info-ZIP's modification time: UTC seconds, a signed 32-bit field
const INT32_MAX = 0x7fffffff;

/** What the central directory needs to know of an entry before its bytes are copied. */
export type ZipEntry = { path: string; crc32: number; bytes: number; compressedBytes: number };

type WrittenEntry = ZipEntry & { name: Buffer; offset: number };

export type ZipWriterOptions = {
  /** ZIP64 fields and end records even where 32 bits would do: lets tests read that path without 4 GiB of data. */
  forceZip64?: boolean;
};

/** Writes a ZIP of deflated entries into `output`, which must stay open until finish() resolves. */
export class ZipWriter {
  #offset = 0;
  readonly #entries: WrittenEntry[] = [];
  readonly #time: { dos: number; unix: number };

  constructor(
    private readonly output: Writable,
    /** Every entry's modification time: the archive's generatedAt. */
    modified: Date,
    private readonly options: ZipWriterOptions = {},
  ) {
    this.#time = {
      dos: dosDateTime(modified),
      unix: Math.min(INT32_MAX, Math.max(0, Math.floor(modified.getTime() / 1000))),
    };
  }

  /**
   * Writes one entry: its local header, then `compressed`, which must hold exactly
   * `entry.compressedBytes` bytes (an object cut short or grown fails the archive).
   */
  async add(entry: ZipEntry, compressed: AsyncIterable<Buffer>): Promise<void> {
    const name = Buffer.from(entry.path, "utf8");
    const offset = this.#offset;
    await this.#write(this.#localHeader(entry, name));
    let copied = 0;
    for await (const chunk of compressed) {
      copied += chunk.length;
      await this.#write(chunk);
    }
    if (copied !== entry.compressedBytes) {
      throw new Error(`${entry.path}: ${copied} compressed bytes were stored, ${entry.compressedBytes} were written.`);
    }
    this.#entries.push({ ...entry, name, offset });
  }

  /** Writes the central directory and the end records; the caller ends `output`. */
  async finish(): Promise<void> {
    const start = this.#offset;
    for (const entry of this.#entries) await this.#write(this.#centralHeader(entry));
    await this.#write(this.#endRecords(start, this.#offset - start));
  }

  #localHeader(entry: ZipEntry, name: Buffer): Buffer {
    const zip64 = this.options.forceZip64 || entry.bytes >= MAX32 || entry.compressedBytes >= MAX32;
    // In a local header the ZIP64 field holds both sizes, or neither.
    const extra = Buffer.concat([
      zip64 ? extraField(ZIP64_EXTRA, [entry.bytes, entry.compressedBytes]) : Buffer.alloc(0),
      this.#timestampExtra(),
    ]);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    const size = (value: number) => (zip64 ? MAX32 : value);
    this.#sharedFields(header, 4, entry, {
      zip64,
      compressedBytes: size(entry.compressedBytes),
      bytes: size(entry.bytes),
      nameLength: name.length,
      extraLength: extra.length,
    });
    return Buffer.concat([header, name, extra]);
  }

  #centralHeader(entry: WrittenEntry): Buffer {
    const force = this.options.forceZip64 === true;
    const bytes = force || entry.bytes >= MAX32;
    const compressed = force || entry.compressedBytes >= MAX32;
    const offset = force || entry.offset >= MAX32;
    // Only the fields that overflow go into the ZIP64 field, in this order.
    const wide = [
      ...(bytes ? [entry.bytes] : []),
      ...(compressed ? [entry.compressedBytes] : []),
      ...(offset ? [entry.offset] : []),
    ];
    const extra = Buffer.concat([
      wide.length > 0 ? extraField(ZIP64_EXTRA, wide) : Buffer.alloc(0),
      this.#timestampExtra(),
    ]);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 4);
    this.#sharedFields(header, 6, entry, {
      zip64: wide.length > 0,
      compressedBytes: compressed ? MAX32 : entry.compressedBytes,
      bytes: bytes ? MAX32 : entry.bytes,
      nameLength: entry.name.length,
      extraLength: extra.length,
    });
    // comment length, disk number, internal attributes: 0
    header.writeUInt32LE(REGULAR_FILE >>> 0, 38);
    header.writeUInt32LE(offset ? MAX32 : entry.offset, 42);
    return Buffer.concat([header, entry.name, extra]);
  }

  #endRecords(directoryOffset: number, directorySize: number): Buffer {
    const count = this.#entries.length;
    const zip64 = this.options.forceZip64 || count >= MAX16 || directoryOffset >= MAX32 || directorySize >= MAX32;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    // disk numbers: 0
    end.writeUInt16LE(zip64 ? MAX16 : count, 8);
    end.writeUInt16LE(zip64 ? MAX16 : count, 10);
    end.writeUInt32LE(zip64 ? MAX32 : directorySize, 12);
    end.writeUInt32LE(zip64 ? MAX32 : directoryOffset, 16);
    if (!zip64) return end;

    const record = Buffer.alloc(56);
    record.writeUInt32LE(ZIP64_END, 0);
    record.writeBigUInt64LE(BigInt(record.length - 12), 4); // the record's size after this field
    record.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    // disk numbers: 0
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(ZIP64_LOCATOR, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8); // where the ZIP64 end record starts
    locator.writeUInt32LE(1, 16); // one disk in all
    return Buffer.concat([record, locator, end]);
  }

  /** The fields local and central headers share, "version needed" to "extra field length": 26 bytes from `at`. */
  #sharedFields(
    header: Buffer,
    at: number,
    entry: ZipEntry,
    fields: { zip64: boolean; compressedBytes: number; bytes: number; nameLength: number; extraLength: number },
  ): void {
    header.writeUInt16LE(fields.zip64 ? VERSION_ZIP64 : VERSION_DEFLATE, at);
    header.writeUInt16LE(UTF8_NAMES, at + 2);
    header.writeUInt16LE(DEFLATE, at + 4);
    header.writeUInt32LE(this.#time.dos, at + 6);
    header.writeUInt32LE(entry.crc32 >>> 0, at + 10);
    header.writeUInt32LE(fields.compressedBytes, at + 14);
    header.writeUInt32LE(fields.bytes, at + 18);
    header.writeUInt16LE(fields.nameLength, at + 22);
    header.writeUInt16LE(fields.extraLength, at + 24);
  }

  #timestampExtra(): Buffer {
    const field = Buffer.alloc(9);
    field.writeUInt16LE(TIMESTAMP_EXTRA, 0);
    field.writeUInt16LE(5, 2);
    field.writeUInt8(1, 4); // only the modification time follows
    field.writeUInt32LE(this.#time.unix, 5);
    return field;
  }

  async #write(chunk: Buffer): Promise<void> {
    this.#offset += chunk.length;
    if (!this.output.write(chunk)) await once(this.output, "drain");
  }
}

/** An extra field of 64-bit values. */
function extraField(id: number, values: number[]): Buffer {
  const field = Buffer.alloc(4 + 8 * values.length);
  field.writeUInt16LE(id, 0);
  field.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, index) => field.writeBigUInt64LE(BigInt(value), 4 + 8 * index));
  return field;
}

const DOS_FIRST = Date.UTC(1980, 0, 1);
const DOS_LAST = Date.UTC(2107, 11, 31, 23, 59, 58);

/** The MS-DOS time (low half) and date (high half) of `when` in UTC, clamped to the years the format holds. */
function dosDateTime(when: Date): number {
  const date = new Date(Math.min(DOS_LAST, Math.max(DOS_FIRST, when.getTime())));
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return ((day << 16) | time) >>> 0;
}
