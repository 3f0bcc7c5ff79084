import { describe, expect, it } from "vitest";
import { writeExportArchive } from "./archive";
import { stagedCsvKey } from "./staging";
import { LEAKED_SECRET, stageFixture } from "./testing/archive-fixture";
import { MemoryBlobStore } from "./testing/memory-blob-store";
import { readZipEntries } from "./testing/read-zip";
import { toOlderStaging } from "./testing/staged-files";

// The collect step stages each source's data files deflated, and packaging copies them. Staging
// written before that (NDJSON lines and CSV records, or NDJSON lines alone) may still be waiting
// for its package step after an upgrade: it must package into the same files, the CSV built from
// the JSON lines with the allow-list applied when it was not staged.

const DATA_FILES = [
  "data/orders.json",
  "data/orders.csv",
  "data/support_tickets.json",
  "data/support_tickets.csv",
  "manifest.json",
];

describe("packaging what the collect step staged", () => {
  it("gives the same data files from deflated staging, from older NDJSON + CSV staging, and from NDJSON alone", async () => {
    const archives = [];
    for (const older of [undefined, { csv: true }, { csv: false }]) {
      const store = new MemoryBlobStore();
      const staged = await stageFixture(store, 2_000);
      const input = older ? await toOlderStaging(store, staged, older) : staged;
      if (older) expect((await store.head(stagedCsvKey(input.sources[0]!.stagingKey!))) !== null).toBe(older.csv);
      await writeExportArchive(store, "exports/a.zip", input);
      archives.push(await readZipEntries(store.bytes("exports/a.zip")));
      // Only the archive is added: what packaging deflated from older staging is removed again.
      expect([...store.objects.keys()].filter((key) => key.endsWith(".repacked"))).toEqual([]);
    }
    for (const path of DATA_FILES) {
      for (const archive of archives.slice(1))
        expect(archive.get(path)!.equals(archives[0]!.get(path)!), path).toBe(true);
      expect(archives[0]!.get(path)!.toString("utf8")).not.toContain(LEAKED_SECRET);
    }
  });

  it("refuses older staged CSV records that disagree with the collected count", async () => {
    const store = new MemoryBlobStore();
    const input = await toOlderStaging(store, await stageFixture(store, 100), { csv: true });
    const csvKey = stagedCsvKey(input.sources[0]!.stagingKey!);
    const rows = store.bytes(csvKey).toString("utf8").split("\r\n");
    await store.put(csvKey, rows.slice(1).join("\r\n")); // one record lost
    await expect(writeExportArchive(store, "exports/short.zip", input)).rejects.toThrow(
      /holds 99 records, but 100 were collected/,
    );
    expect(await store.head("exports/short.zip")).toBeNull();
  });

  it("refuses a staged file from another attempt (a different count) or cut short, and leaves no archive", async () => {
    const store = new MemoryBlobStore();
    const input = await stageFixture(store, 100);
    const recounted = {
      ...input,
      sources: input.sources.map((entry, index) => (index === 0 ? { ...entry, recordCount: 101 } : entry)),
    };
    await expect(writeExportArchive(store, "exports/a.zip", recounted)).rejects.toThrow(
      /holds 100 records, but 101 were collected/,
    );

    const file = input.sources[0]!.files!.CSV!;
    await store.put(file.key, store.bytes(file.key).subarray(0, file.compressedBytes - 10));
    await expect(writeExportArchive(store, "exports/a.zip", input)).rejects.toThrow(/compressed bytes were stored/);
    expect(await store.head("exports/a.zip")).toBeNull();
  });
});
