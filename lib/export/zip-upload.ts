import { finished } from "node:stream/promises";
import "./native-crc32";
import { pipeline, Readable } from "node:stream";
import archiver from "archiver";
import { DigestStream, type ContentDigest } from "./content-digest";
import type { BlobStore } from "@/lib/storage/blob-store";

/**
 * A ZIP written straight into the blob store: entries are appended one at a time and each is
 * measured (size, sha256) as archiver consumes it, while the whole archive is hashed on its way
 * to storage. Nothing is buffered beyond the streams' own high-water marks, so memory does not
 * grow with the size of the export.
 */
export class ZipUpload {
  readonly #zip = archiver("zip", { zlib: { level: 6 } });
  readonly #output = new DigestStream();
  readonly #upload: Promise<unknown>;
  readonly #failed: Promise<never>;
  #fail!: (error: unknown) => void;

  constructor(
    private readonly store: BlobStore,
    readonly key: string,
    /** Modification time of every entry: the archive's generatedAt rather than "whenever the job ran". */
    private readonly date: Date,
  ) {
    this.#failed = new Promise<never>((_, reject) => (this.#fail = reject));
    this.#failed.catch(() => undefined); // observed through the races below
    this.#zip.on("error", (error) => this.#fail(error));
    // Archiver reports a missing file as a warning; every entry here is a stream, so any warning is a bug.
    this.#zip.on("warning", (error) => this.#fail(error));
    pipeline(this.#zip, this.#output, (error) => error && this.#fail(error));
    this.#upload = store.put(key, this.#output, { contentType: "application/zip" });
    this.#upload.catch((error: unknown) => this.#fail(error));
  }

  /** Appends one entry and resolves with its size and sha256 once archiver has consumed all of it. */
  async append(path: string, body: Readable | string): Promise<ContentDigest> {
    const entry = new DigestStream();
    const source = typeof body === "string" ? Readable.from([Buffer.from(body)]) : body;
    // Archiver re-pipes the entry without forwarding errors, so a failing source (a missing
    // staging object) is watched here and fails the whole archive rather than hanging it.
    pipeline(source, entry, (error) => error && this.#fail(error));
    this.#zip.append(entry, { name: path, date: this.date });
    await Promise.race([finished(entry), this.#failed]);
    return entry.digest;
  }

  /** Writes the central directory, waits for storage to accept everything, returns the archive digest. */
  async finish(): Promise<ContentDigest> {
    await Promise.race([this.#zip.finalize(), this.#failed]);
    await Promise.race([this.#upload, this.#failed]);
    await Promise.race([finished(this.#output), this.#failed]);
    return this.#output.digest;
  }

  /** Stops writing and removes whatever part of the archive reached storage. */
  async abort(reason: unknown): Promise<void> {
    this.#zip.abort();
    this.#output.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await this.#upload.catch(() => undefined);
    // A half-written archive is useless and still holds personal data (Art. 5(1)(e)): remove it.
    await this.store.delete(this.key).catch(() => undefined);
  }
}
