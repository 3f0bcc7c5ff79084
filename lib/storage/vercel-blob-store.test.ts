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
  it("keeps archives private: the service refuses a request without the token", async () => {
    const store = createVercelBlobStore({ token });
    await store.put("exports/r5/DSR-2026-000105.zip", "zip bytes");
    const blob = fake.blobs.get("exports/r5/DSR-2026-000105.zip");
    expect(blob?.body.toString()).toBe("zip bytes");
    const anonymous = await fetch(`${fake.apiUrl}/blob/exports/r5/DSR-2026-000105.zip`);
    expect(anonymous.status).toBe(403);
  });
});
