import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reachableBy } from "./postgres-as-root";

// As root, the embedded PostgreSQL runs as the postgres user: the portal must know when that user
// cannot enter the checkout (a mode-700 home folder or `mktemp -d`).

const stranger = { uid: 54_321, gid: 54_321 };
let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "reachable-"));
  await mkdir(path.join(root, "checkout", "node_modules"), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("reachableBy", () => {
  it("is false inside a mode-700 directory owned by someone else, and true once others may enter it", async () => {
    await chmod(root, 0o700);
    expect(reachableBy(stranger, path.join(root, "checkout", "node_modules"))).toBe(false);
    await chmod(root, 0o755);
    expect(reachableBy(stranger, path.join(root, "checkout", "node_modules"))).toBe(true);
  });

  it("counts a directory that does not exist yet as reachable when its parents are", async () => {
    await chmod(root, 0o755);
    expect(reachableBy(stranger, path.join(root, "checkout", ".data", "postgres"))).toBe(true);
  });

  it("lets the owner in through the owner's bits", async () => {
    await chmod(root, 0o700);
    expect(reachableBy({ uid: os.userInfo().uid, gid: -1 }, root)).toBe(true);
  });
});
