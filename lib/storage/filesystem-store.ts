import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, type BlobBody, type BlobStore, InvalidStorageKeyError, type StoredBlob } from "./blob-store";

/**
 * Turns a key into its file under `base`, refusing any key (or symlink inside the root) that
 * leads outside it, so a key with `..` in it can never read or overwrite another file.
 */
function keyResolver(base: string): (key: string) => Promise<string> {
  // The root's own real path, looked up once (each lookup is a syscall per path component).
  let realBaseOnce: Promise<string> | undefined;
  return async function resolve(key) {
    const file = path.resolve(base, assertStorageKey(key));
    if (!file.startsWith(base + path.sep)) {
      throw new InvalidStorageKeyError(`Storage key ${key} resolves outside the store.`);
    }
    // A symlink inside the root must not lead outside it either.
    const parent = await realpath(path.dirname(file)).catch(() => null);
    const realBase = await (realBaseOnce ??= realpath(base).catch(() => {
      realBaseOnce = undefined; // not created yet: ask again next time
      return base;
    }));
    if (parent && parent !== realBase && !parent.startsWith(realBase + path.sep)) {
      throw new InvalidStorageKeyError(`Storage key ${key} resolves outside the store.`);
    }
    return file;
  };
}

/** Every stored file below `dir`, skipping the temporary files of writes in progress. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && !entry.name.startsWith(".tmp-")) yield full;
  }
}

/** Writes to a temporary file beside `file`, then renames it into place; returns the size written. */
async function writeAtomically(file: string, body: BlobBody): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.tmp-${randomUUID()}`);
  // A body in memory (a small staged file, README.html) is one write, not a stream.
  const inMemory = typeof body === "string" || Buffer.isBuffer(body);
  try {
    await (inMemory ? writeFile(temporary, body) : pipeline(body, createWriteStream(temporary)));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return inMemory ? Buffer.byteLength(body) : (await stat(file)).size;
}

/**
 * Objects as files under `root`. Writes land in a temporary file first, so a crash never leaves
 * half an archive under its key.
 */
export function createFilesystemStore(root: string): BlobStore {
  const base = path.resolve(root);
  const resolve = keyResolver(base);

  return {
    async put(key, body: BlobBody) {
      return { key, size: await writeAtomically(await resolve(key), body) };
    },
    async get(key) {
      const file = await resolve(key);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: createReadStream(file), size: info.size };
    },
    async head(key) {
      const info = await stat(await resolve(key)).catch(() => null);
      return info?.isFile() ? { size: info.size, uploadedAt: info.mtime } : null;
    },
    async delete(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) await rm(await resolve(key), { force: true });
    },
    async *list(prefix): AsyncIterable<StoredBlob> {
      // The prefix may end mid-name ("staging/r1/"), so walk from its directory part and filter.
      const directory = path.resolve(base, prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : ".");
      if (directory !== base && !directory.startsWith(base + path.sep)) {
        throw new InvalidStorageKeyError(`Prefix ${prefix} is outside the store.`);
      }
      for await (const file of walk(directory)) {
        const key = path.relative(base, file).split(path.sep).join("/");
        if (!key.startsWith(prefix)) continue;
        const info = await stat(file);
        yield { key, size: info.size, uploadedAt: info.mtime };
      }
    },
  };
}
