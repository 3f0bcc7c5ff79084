import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { crc32 } from "node:zlib";

export type ContentDigest = { bytes: number; sha256: string };

/**
 * A pass-through stream that measures what flows through it, so the manifest can state each
 * file's size and sha256 without a second read. The digest is final once the stream has ended.
 */
export class DigestStream extends Transform {
  #hash: Hash = createHash("sha256");
  #bytes = 0;
  /** Only a ZIP entry's content needs its CRC-32: undefined for any other stream. */
  #crc32: number | undefined;
  #digest: ContentDigest | undefined;

  constructor(options: { crc32?: boolean } = {}) {
    super();
    if (options.crc32) this.#crc32 = 0;
  }

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
    this.#hash.update(buffer);
    this.#bytes += buffer.length;
    if (this.#crc32 !== undefined) this.#crc32 = crc32(buffer, this.#crc32);
    callback(null, buffer);
  }

  override _flush(callback: TransformCallback): void {
    this.#digest = { bytes: this.#bytes, sha256: this.#hash.digest("hex") };
    callback();
  }

  /** The CRC-32 a ZIP entry records for what passed (final once the stream has ended; asked for in the constructor). */
  get crc32(): number {
    if (this.#crc32 === undefined) throw new Error("DigestStream: constructed without { crc32: true }");
    return this.#crc32;
  }

  /** The size and sha256 of everything that passed; throws if read before the stream finished. */
  get digest(): ContentDigest {
    if (!this.#digest) throw new Error("DigestStream: the digest is only known after the stream has ended");
    return this.#digest;
  }
}

/** A pass-through stream that only counts the bytes that flow through it. */
export class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}
