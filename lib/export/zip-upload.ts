import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { BlobStore } from "@/lib/storage/blob-store";
import { DigestStream, type ContentDigest } from "./content-digest";
import { deflateInMemory, type DeflatedFile } from "./deflated-file";
import { ZipWriter } from "./zip-writer";

/**
 * A ZIP written straight into the blob store, one deflated entry at a time, while the whole
 * archive is hashed on its way to storage. Nothing is buffered beyond the streams' own
 * high-water marks, so memory does not grow with the size of the export.
 */
export class ZipUpload {
  readonly #output = new DigestStream();
  readonly #zip: ZipWriter;
  readonly #upload: Promise<unknown>;
  readonly #failed: Promise<never>;
  #fail!: (error: unknown) => void;

  constructor(
    private readonly store: BlobStore,
    readonly key: string,
    /** Modification time of every entry: the archive's generatedAt rather than "whenever the job ran". */
    date: Date,
  ) {
    this.#failed = new Promise<never>((_, reject) => (this.#fail = reject));
    this.#failed.catch(() => undefined); // observed through the races below
    this.#output.on("error", (error) => this.#fail(error));
    this.#zip = new ZipWriter(this.#output, date);
    this.#upload = store.put(key, this.#output, { contentType: "application/zip" });
    this.#upload.catch((error: unknown) => this.#fail(error));
  }

  /**
   * Appends an entry whose bytes were deflated beforehand: `compressed` must hold exactly
   * `file.compressedBytes` of them (a staged object cut short fails the archive).
   */
  async appendDeflated(path: string, file: DeflatedFile, compressed: Readable): Promise<ContentDigest> {
    const entry = { path, crc32: file.crc32, bytes: file.bytes, compressedBytes: file.compressedBytes };
    await Promise.race([this.#zip.add(entry, compressed), this.#failed]);
    return { bytes: file.bytes, sha256: file.sha256 };
  }

  /** Appends a small entry held in memory (README.html, manifest.json). */
  async append(path: string, body: string | Buffer): Promise<ContentDigest> {
    const { file, compressed } = deflateInMemory(Buffer.from(body));
    return this.appendDeflated(path, file, Readable.from([compressed]));
  }

  /** Writes the central directory, waits for storage to accept everything, returns the archive digest. */
  async finish(): Promise<ContentDigest> {
    await Promise.race([this.#zip.finish(), this.#failed]);
    this.#output.end();
    await Promise.race([finished(this.#output), this.#failed]);
    await Promise.race([this.#upload, this.#failed]);
    return this.#output.digest;
  }

  /** Stops writing and removes whatever part of the archive reached storage. */
  async abort(reason: unknown): Promise<void> {
    this.#output.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await this.#upload.catch(() => undefined);
    // A half-written archive is useless and still holds personal data (Art. 5(1)(e)): remove it.
    await this.store.delete(this.key).catch(() => undefined);
  }
}
