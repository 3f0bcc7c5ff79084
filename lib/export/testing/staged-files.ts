import { buffer } from "node:stream/consumers";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { ArchiveInput, ArchiveSource } from "../archive-input";
import { openStagedFile, stagedCsvKey, type StagedSource } from "../staging";

/**
 * The data files a collect step staged, inflated: data/<source>.json and .csv as the archive will
 * hold them. Test-only.
 */
export async function readStagedFiles(store: BlobStore, staged: StagedSource): Promise<{ json: string; csv: string }> {
  const read = async (file: StagedSource["files"]["JSON"]) =>
    file ? (await buffer(await openStagedFile(store, file))).toString("utf8") : "";
  return { json: await read(staged.files.JSON), csv: await read(staged.files.CSV) };
}

/**
 * Turns what stageFixture staged into staging as it was written before the data files were
 * deflated at collect time: NDJSON lines at the staging key and, unless `csv` is false, CSV
 * records without their header at stagedCsvKey. Returns the input as such a request carries it
 * (no `files`). Test-only.
 */
export async function toOlderStaging(
  store: BlobStore,
  input: ArchiveInput,
  options: { csv: boolean },
): Promise<ArchiveInput> {
  const sources: ArchiveSource[] = [];
  for (const { files, ...entry } of input.sources) {
    sources.push(entry);
    if (!files?.JSON || !entry.stagingKey) continue;
    const json = (await buffer(await openStagedFile(store, files.JSON))).toString("utf8");
    const lines = (JSON.parse(json) as unknown[]).map((record) => JSON.stringify(record) + "\n").join("");
    await store.put(entry.stagingKey, lines);
    if (options.csv && files.CSV) {
      const csv = (await buffer(await openStagedFile(store, files.CSV))).toString("utf8");
      await store.put(stagedCsvKey(entry.stagingKey), csv.slice(csv.indexOf("\r\n") + 2));
    }
    await store.delete([files.JSON.key, ...(files.CSV ? [files.CSV.key] : [])]);
  }
  return { ...input, sources };
}
