import path from "node:path";
import type { BlobStore } from "./blob-store";
import { createFilesystemStore } from "./filesystem-store";
import { createVercelBlobStore } from "./vercel-blob-store";

export type { BlobStore } from "./blob-store";

let store: BlobStore | undefined;

/** Vercel Blob when BLOB_READ_WRITE_TOKEN is set, otherwise files under DATA_DIR/blobs. */
export function getBlobStore(): BlobStore {
  store ??= process.env.BLOB_READ_WRITE_TOKEN
    ? createVercelBlobStore({ token: process.env.BLOB_READ_WRITE_TOKEN })
    : createFilesystemStore(path.join(process.env.DATA_DIR || ".data", "blobs"));
  return store;
}
