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
  #crc32 = 0;
  #digest: ContentDigest | undefined;

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
    this.#hash.update(buffer);
    this.#bytes += buffer.length;
    this.#crc32 = crc32(buffer, this.#crc32);
    callback(null, buffer);
  }

  override _flush(callback: TransformCallback): void {
    this.#digest = { bytes: this.#bytes, sha256: this.#hash.digest("hex") };
    callback();
  }

  /** The CRC-32 a ZIP entry records for what passed (final once the stream has ended). */
  get crc32(): number {
    return this.#crc32;
  }

  /** The size and sha256 of everything that passed; throws if read before the stream finished. */
  get digest(): ContentDigest {
    if (!this.#digest) throw new Error("DigestStream: the digest is only known after the stream has ended");
    return this.#digest;
  }
}
