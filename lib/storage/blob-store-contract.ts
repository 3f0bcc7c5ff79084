import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import type { BlobStore } from "./blob-store";

// The behaviour both stores promise; each store's test runs this suite against itself.

function largeBody(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return this.push(null);
      const chunk = Buffer.alloc(Math.min(64 * 1024, bytes - sent), sent % 251);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

export function blobStoreContract(name: string, makeStore: () => BlobStore) {
  describe(`${name}: the BlobStore contract`, () => {
    it("streams a large object in and out unchanged", async () => {
      const store = makeStore();
      const size = 5 * 1024 * 1024;
      const written = await store.put("exports/r1/DSR-2026-000100.zip", largeBody(size), {
        contentType: "application/zip",
      });
      expect(written.size).toBe(size);
      const read = await store.get("exports/r1/DSR-2026-000100.zip");
      const bytes = await buffer(read!.stream);
      expect(read!.size).toBe(size);
      expect(sha256(bytes)).toBe(sha256(await buffer(largeBody(size))));
    });

    it("answers head, overwrites, lists by prefix and deletes", async () => {
      const store = makeStore();
      await store.put("staging/r2/orders.ndjson", "first");
      // The size stored, in bytes: "ö" is two of them.
      expect(await store.put("staging/r2/orders.ndjson", "second, lönger")).toEqual({
        key: "staging/r2/orders.ndjson",
        size: 15,
      });
      await store.put("staging/r2/profile.ndjson", Buffer.from("{}"));
      await store.put("staging/r20/other.ndjson", "not mine");
      expect((await store.head("staging/r2/orders.ndjson"))?.size).toBe(15);
      const listed: string[] = [];
      for await (const object of store.list("staging/r2/")) listed.push(object.key);
      expect(listed.sort()).toEqual(["staging/r2/orders.ndjson", "staging/r2/profile.ndjson"]);
      await store.delete(listed);
      await store.delete("staging/r2/never-existed.ndjson");
      expect(await store.head("staging/r2/orders.ndjson")).toBeNull();
      expect(await store.get("staging/r2/profile.ndjson")).toBeNull();
      expect(await store.head("staging/r20/other.ndjson")).not.toBeNull();
    });

    it.each(["../escape", "/etc/passwd", "a/../../b", "a\\b", "", "a\0b", "a//b", "./a", "exports/r1/../../x"])(
      "refuses the key %j",
      async (key) => {
        const store = makeStore();
        await expect(store.put(key, "x")).rejects.toThrow(/Refusing storage key|outside the store/);
        await expect(store.get(key)).rejects.toThrow();
        await expect(store.delete(key)).rejects.toThrow();
      },
    );
  });
}
