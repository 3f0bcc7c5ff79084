import { describe, expect, it } from "vitest";
import { writeExportArchive } from "./archive";
import { stagedCsvKey } from "./staging";
import { LEAKED_SECRET, stageFixture } from "./testing/archive-fixture";
import { MemoryBlobStore } from "./testing/memory-blob-store";
import { readZipEntries } from "./testing/read-zip";

// Staging holds each source's JSON lines and CSV records; packaging copies them. A staging object
// without CSV records (staged before they existed, or by a collect step that skipped CSV) must
// still package into the same files, built from the JSON lines with the allow-list applied.

describe("packaging what the collect step staged", () => {
  it("gives the same data files whether the CSV records were staged or are built from the JSON lines", async () => {
    const staged = new MemoryBlobStore();
    const input = await stageFixture(staged, 2_000);
    expect(await staged.head(stagedCsvKey(input.sources[0]!.stagingKey!))).not.toBeNull();
    const jsonOnly = new MemoryBlobStore();
    await stageFixture(jsonOnly, 2_000);
    for (const entry of input.sources) if (entry.stagingKey) await jsonOnly.delete(stagedCsvKey(entry.stagingKey));

    await writeExportArchive(staged, "exports/a.zip", input);
    await writeExportArchive(jsonOnly, "exports/b.zip", input);
    const fromStaged = await readZipEntries(staged.bytes("exports/a.zip"));
    const fromLines = await readZipEntries(jsonOnly.bytes("exports/b.zip"));
    for (const path of ["data/orders.json", "data/orders.csv", "data/support_tickets.csv", "manifest.json"]) {
      expect(fromStaged.get(path)!.equals(fromLines.get(path)!), path).toBe(true);
      expect(fromStaged.get(path)!.toString("utf8")).not.toContain(LEAKED_SECRET);
    }
  });

  it("refuses staged CSV records that disagree with the collected count", async () => {
    const store = new MemoryBlobStore();
    const input = await stageFixture(store, 100);
    const csvKey = stagedCsvKey(input.sources[0]!.stagingKey!);
    const rows = store.bytes(csvKey).toString("utf8").split("\r\n");
    await store.put(csvKey, rows.slice(1).join("\r\n")); // one record lost
    await expect(writeExportArchive(store, "exports/short.zip", input)).rejects.toThrow(/holds 99 records, but 100 were collected/);
    expect(await store.head("exports/short.zip")).toBeNull();
  });
});
