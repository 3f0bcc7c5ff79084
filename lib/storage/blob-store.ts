import type { Readable } from "node:stream";

// Where archives and staging objects live: the filesystem under .data/blobs by default, Vercel
// Blob (private) when BLOB_READ_WRITE_TOKEN is set. Bodies are streamed both ways: an archive can
// be hundreds of megabytes.

export type BlobBody = Readable | Buffer | string;

export type StoredBlob = { key: string; size: number; uploadedAt: Date };

export interface BlobStore {
  put(key: string, body: BlobBody, options?: { contentType?: string }): Promise<{ key: string; size: number }>;
  /** Null when there is no object under `key`. */
  get(key: string): Promise<{ stream: Readable; size: number; contentType?: string } | null>;
  head(key: string): Promise<{ size: number; uploadedAt: Date } | null>;
  /** Deleting a key that does not exist is not an error. */
  delete(keys: string | string[]): Promise<void>;
  /** Every object whose key starts with `prefix`. */
  list(prefix: string): AsyncIterable<StoredBlob>;
}

export class InvalidStorageKeyError extends Error {
  override name = "InvalidStorageKeyError";
}

const SAFE_KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * Keys are relative paths built from server-side ids only (exports/<id>/<ref>.zip). Anything
 * that could climb out of the store's root or smuggle a separator is refused outright.
 */
export function assertStorageKey(key: string): string {
  if (
    key.length === 0 ||
    key.length > 512 ||
    !SAFE_KEY.test(key) ||
    key.split("/").some((part) => part === "." || part === "..")
  ) {
    throw new InvalidStorageKeyError(
      `Refusing storage key ${JSON.stringify(key.slice(0, 80))}: ` +
        'keys are relative paths of letters, digits, ".", "_" and "-".',
    );
  }
  return key;
}
