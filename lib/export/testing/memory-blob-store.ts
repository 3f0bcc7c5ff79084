import { Readable } from "node:stream";
import type { BlobStore } from "@/lib/storage/blob-store";

/** The BlobStore contract held in a Map, for unit tests of code that streams through storage. */
export class MemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, { body: Buffer; contentType?: string; uploadedAt: Date }>();

  async put(key: string, body: Readable | Buffer | string, options?: { contentType?: string }) {
    let buffer: Buffer;
    if (typeof body === "string" || Buffer.isBuffer(body)) {
      buffer = Buffer.from(body);
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      buffer = Buffer.concat(chunks);
    }
    this.objects.set(key, { body: buffer, contentType: options?.contentType, uploadedAt: new Date() });
    return { key, size: buffer.length };
  }

  async get(key: string) {
    const object = this.objects.get(key);
    if (!object) return null;
    // Small chunks, so readers are exercised across chunk boundaries as with a real store.
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < object.body.length; offset += 16 * 1024) {
      chunks.push(object.body.subarray(offset, offset + 16 * 1024));
    }
    return { stream: Readable.from(chunks), size: object.body.length, contentType: object.contentType };
  }

  async head(key: string) {
    const object = this.objects.get(key);
    return object ? { size: object.body.length, uploadedAt: object.uploadedAt } : null;
  }

  async delete(keys: string | string[]) {
    for (const key of Array.isArray(keys) ? keys : [keys]) this.objects.delete(key);
  }

  async *list(prefix: string) {
    for (const [key, object] of this.objects) {
      if (key.startsWith(prefix)) yield { key, size: object.body.length, uploadedAt: object.uploadedAt };
    }
  }

  /** Test access to stored bytes. */
  bytes(key: string): Buffer {
    const object = this.objects.get(key);
    if (!object) throw new Error(`no object at ${key}`);
    return object.body;
  }
}
