import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { ExportManifest } from "@/lib/export/manifest";
import { readZipEntries } from "@/lib/export/testing/read-zip";
import type { BlobStore } from "@/lib/storage/blob-store";

/**
 * Opens an archive the way a customer's tools would and checks it can be trusted: it unzips,
 * every JSON parses, every CSV parses with its declared header, counts match the manifest, and
 * every sha256 in the manifest matches the file. Returns the manifest and the files' text.
 */
export async function inspectArchive(store: BlobStore, key: string, expectedSha256: string) {
  const object = await store.get(key);
  expect(object, `archive ${key} exists`).not.toBeNull();
  const zip = await buffer(object!.stream);
  expect(createHash("sha256").update(zip).digest("hex")).toBe(expectedSha256);
  const entries = await readZipEntries(zip);
  const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as ExportManifest;
  expect(entries.has("README.html")).toBe(true);

  for (const file of manifest.files) {
    const bytes = entries.get(file.path);
    expect(bytes, `${file.path} is in the archive`).toBeDefined();
    expect(bytes!.length).toBe(file.bytes);
    expect(createHash("sha256").update(bytes!).digest("hex"), `sha256 of ${file.path}`).toBe(file.sha256);
  }
  for (const source of manifest.sources.filter((s) => s.status === "DONE")) {
    const json = entries.get(`data/${source.key}.json`);
    if (json) expect(JSON.parse(json.toString("utf8"))).toHaveLength(source.recordCount);
    const csv = entries.get(`data/${source.key}.csv`);
    if (csv) {
      const rows = parse(csv.toString("utf8"), { bom: true }) as string[][];
      expect(rows[0], `${source.key}.csv header`).toEqual(Object.keys(source.fields));
      expect(rows.length - 1).toBe(source.recordCount);
    }
  }
  const text = [...entries.values()].map((b) => b.toString("utf8")).join("\n");
  return { manifest, entries, text };
}
