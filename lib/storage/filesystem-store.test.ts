import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { blobStoreContract } from "./blob-store-contract";
import { createFilesystemStore } from "./filesystem-store";

const newRoot = () => mkdtempSync(path.join(os.tmpdir(), "portal-blobs-"));

blobStoreContract("filesystem store", () => createFilesystemStore(newRoot()));

describe("filesystem store", () => {
  it("leaves nothing under the key when the body fails half-way", async () => {
    const root = newRoot();
    const store = createFilesystemStore(root);
    let chunks = 0;
    const failing = new Readable({
      read() {
        if (++chunks > 3) this.destroy(new Error("collector crashed"));
        else this.push(Buffer.alloc(1024, 1));
      },
    });
    await expect(store.put("exports/r9/a.zip", failing)).rejects.toThrow("collector crashed");
    expect(await store.head("exports/r9/a.zip")).toBeNull();
    expect(readdirSync(path.join(root, "exports/r9"))).toEqual([]);
  });

  it("refuses a key that leads outside the root through a symlink", async () => {
    const root = newRoot();
    const outside = newRoot();
    mkdirSync(path.join(root, "exports"));
    symlinkSync(outside, path.join(root, "exports", "link"));
    const store = createFilesystemStore(root);
    await expect(store.put("exports/link/stolen.zip", "x")).rejects.toThrow(/outside the store/);
    expect(readdirSync(outside)).toEqual([]);
  });
});
