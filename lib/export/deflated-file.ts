import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";
import type { BlobStore } from "@/lib/storage/blob-store";
import { ByteCounter, DigestStream, type ContentDigest } from "./content-digest";

// A data file compressed before it goes into the ZIP: what a ZIP entry needs (CRC-32, both sizes)
// and the manifest states (size, sha256), measured on the way. Compressing files apart from the
// archive lets two of them deflate at once, on two of zlib's threads, where a ZIP writer would
// deflate one entry after the other (issue #11: deflate was most of the package step).

/** The ZIP's compression level, as `gzip -6`. */
export const DEFLATE_LEVEL = 6;

export type DeflatedFile = ContentDigest & { crc32: number; compressedBytes: number };

/** Deflates `body` into `store` at `key`; on failure the partial object is removed. */
export async function deflateIntoStore(store: BlobStore, key: string, body: Readable): Promise<DeflatedFile> {
  const measured = new DigestStream({ crc32: true });
  const compressed = new ByteCounter();
  const upload = store.put(key, compressed, { contentType: "application/octet-stream" });
  try {
    await Promise.all([pipeline(body, measured, createDeflateRaw({ level: DEFLATE_LEVEL }), compressed), upload]);
  } catch (error) {
    await upload.catch(() => undefined);
    await store.delete(key).catch(() => undefined);
    throw error;
  }
  return { ...measured.digest, crc32: measured.crc32, compressedBytes: compressed.bytes };
}

/** A small file (README.html, manifest.json, an empty source's file) deflated in memory. */
export function deflateInMemory(content: Buffer): { file: DeflatedFile; compressed: Buffer } {
  const compressed = deflateRawSync(content, { level: DEFLATE_LEVEL });
  const sha256 = createHash("sha256").update(content).digest("hex");
  return {
    compressed,
    file: { bytes: content.length, sha256, crc32: crc32(content), compressedBytes: compressed.length },
  };
}
