import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { BlobNotFoundError, del, head, list, put } from "@vercel/blob";
import { assertStorageKey, type BlobBody, type BlobStore, type StoredBlob } from "./blob-store";

/** put() does not report a size: a body in memory is measured, a stream counted on its way through. */
function countBytes(body: BlobBody): { body: BlobBody; size: () => number } {
  if (typeof body === "string") return { body, size: () => Buffer.byteLength(body) };
  if (Buffer.isBuffer(body)) return { body, size: () => body.length };
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  body.once("error", (error) => counter.destroy(error));
  return { body: body.pipe(counter), size: () => size };
}

/**
 * Private Vercel Blob objects under the same keys as the filesystem store. Private blobs are only
 * readable with the token, so an archive is never reachable by URL alone; downloads stream
 * through the portal, which checks the owner first.
 */
export function createVercelBlobStore(options: { token: string }): BlobStore {
  const { token } = options;

  async function find(key: string) {
    try {
      return await head(assertStorageKey(key), { token });
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  }

  return {
    async put(key, body: BlobBody, putOptions) {
      assertStorageKey(key);
      const counted = countBytes(body);
      await put(key, counted.body, {
        access: "private",
        token,
        addRandomSuffix: false,
        allowOverwrite: true,
        contentType: putOptions?.contentType,
        // Streams go up in parts, so an archive never has to fit in memory.
        multipart: typeof counted.body !== "string" && !Buffer.isBuffer(counted.body),
      });
      return { key, size: counted.size() };
    },
    async get(key) {
      const blob = await find(key);
      if (!blob) return null;
      // A private blob is read from the URL head() returned, with the store token, as the SDK's
      // own get() does; fetching it directly keeps the body a stream end to end.
      const response = await fetch(blob.url, { headers: { authorization: `Bearer ${token}` } });
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw new Error(`Vercel Blob answered ${response.status} for ${key}.`);
      return {
        stream: Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
        size: blob.size,
        contentType: blob.contentType,
      };
    },
    async head(key) {
      const blob = await find(key);
      return blob ? { size: blob.size, uploadedAt: new Date(blob.uploadedAt) } : null;
    },
    async delete(keys) {
      const targets = (Array.isArray(keys) ? keys : [keys]).map(assertStorageKey);
      if (targets.length > 0) await del(targets, { token });
    },
    async *list(prefix): AsyncIterable<StoredBlob> {
      let cursor: string | undefined;
      do {
        const page = await list({ prefix, cursor, token, limit: 1000 });
        for (const blob of page.blobs)
          yield { key: blob.pathname, size: blob.size, uploadedAt: new Date(blob.uploadedAt) };
        cursor = page.hasMore ? page.cursor : undefined;
      } while (cursor);
    },
  };
}
