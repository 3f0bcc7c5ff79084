import type { Readable } from "node:stream";

// TEMPORARY: lib/storage/blob-store.ts is being written in parallel. Until it lands, the export
// code declares the same interface here. When it exists, replace this file's body with
//   export type { BlobStore } from "@/lib/storage/blob-store";
export interface BlobStore {
  put(key: string, body: Readable | Buffer | string, options?: { contentType?: string }): Promise<{ key: string; size: number }>;
  get(key: string): Promise<{ stream: Readable; size: number; contentType?: string } | null>;
  head(key: string): Promise<{ size: number; uploadedAt: Date } | null>;
  delete(keys: string | string[]): Promise<void>;
  list(prefix: string): AsyncIterable<{ key: string; size: number; uploadedAt: Date }>;
}
