import path from "node:path";
import { env } from "@/lib/env";
import type { BlobStore } from "./blob-store";
import { createFilesystemStore } from "./filesystem-store";
import { createVercelBlobStore } from "./vercel-blob-store";

export type { BlobStore } from "./blob-store";

let store: BlobStore | undefined;

/** Vercel Blob when BLOB_READ_WRITE_TOKEN is set, otherwise files under DATA_DIR/blobs. */
export function getBlobStore(): BlobStore {
  if (store) return store;
  const { BLOB_READ_WRITE_TOKEN, DATA_DIR } = env();
  store = BLOB_READ_WRITE_TOKEN
    ? createVercelBlobStore({ token: BLOB_READ_WRITE_TOKEN })
    : createFilesystemStore(path.join(DATA_DIR, "blobs"));
  return store;
}
