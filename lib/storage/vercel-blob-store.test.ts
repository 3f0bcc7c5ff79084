import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeVercelBlob } from "@/test/fakes/vercel-blob-server";
import { blobStoreContract } from "./blob-store-contract";
import { createVercelBlobStore } from "./vercel-blob-store";

const token = "vercel_blob_rw_fakestore_0123456789abcdef";
let fake: Awaited<ReturnType<typeof startFakeVercelBlob>>;

beforeAll(async () => {
  fake = await startFakeVercelBlob({ token });
  // The SDK reads its API address from this variable; the fake listens on loopback.
  process.env.VERCEL_BLOB_API_URL = fake.apiUrl;
});
afterAll(async () => {
  delete process.env.VERCEL_BLOB_API_URL;
  await fake.close();
});

blobStoreContract("Vercel Blob store", () => createVercelBlobStore({ token }));

describe("Vercel Blob store", () => {
  it.each([
    ["a single upload", "exports/r5/DSR-2026-000105.zip", () => "zip bytes"],
    [
      "a streamed (multipart) upload",
      "exports/r6/DSR-2026-000106.zip",
      () => Readable.from([Buffer.from("zip "), Buffer.from("bytes")]),
    ],
  ])("keeps archives private (%s): the blob's URL answers 403 without the token", async (_kind, key, body) => {
    const store = createVercelBlobStore({ token });
    await store.put(key, body());
    const blob = fake.blobs.get(key);
    expect(blob?.body.toString()).toBe("zip bytes");
    expect(blob?.access).toBe("private");
    const anonymous = await fetch(`${fake.apiUrl}/blob/${key}`);
    expect(anonymous.status).toBe(403);
    const owner = await fetch(`${fake.apiUrl}/blob/${key}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await owner.text()).toBe("zip bytes");
  });
});
