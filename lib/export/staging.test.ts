import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ExportRecord } from "@/lib/sources/types";
import { csvHeader, csvRecordLine } from "./csv";
import { IN_MEMORY_BYTES, readStagedRecords, stagedFileKey, stageSourceRecords } from "./staging";
import { stagingKey } from "./storage-keys";
import { fakeSource, pagesOf } from "./testing/fake-sources";
import { MemoryBlobStore } from "./testing/memory-blob-store";
import { readStagedFiles } from "./testing/staged-files";

const orders = fakeSource({
  key: "orders",
  fields: { id: "Order number", placed_at: "When you ordered", total: "Amount", receipt: "Receipt PDF", meta: "Extra" },
});

async function collect(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const all: ExportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

async function* once(page: ExportRecord[]): AsyncGenerator<ExportRecord[]> {
  yield page;
}

describe("staging a source's records", () => {
  it("keeps only the fields the source declares, even when a collector returns more", async () => {
    const store = new MemoryBlobStore();
    const key = stagingKey("req1", "orders");
    const staged = await stageSourceRecords(
      store,
      key,
      orders,
      once([{ id: 1, password_hash: "pbkdf2$secret", internal_score: 7 }]),
    );

    const files = await readStagedFiles(store, staged);
    expect(files.json + files.csv).not.toMatch(/password_hash|pbkdf2|internal_score/);
    const [record] = await collect(readStagedRecords(store, key));
    expect(Object.keys(record!)).toEqual(["id", "placed_at", "total", "receipt", "meta"]);
  });

  it("writes dates as ISO strings, bigints as strings, bytes as base64 and absent values as null", async () => {
    const store = new MemoryBlobStore();
    const record = {
      id: 9007199254740993n,
      placed_at: new Date("2026-01-02T03:04:05.678Z"),
      total: undefined,
      receipt: Buffer.from("PDF"),
      meta: { at: new Date("2026-02-01T00:00:00Z"), tags: [1n, null] },
    };
    await stageSourceRecords(store, "k", orders, once([record]));

    expect(await collect(readStagedRecords(store, "k"))).toEqual([
      {
        id: "9007199254740993",
        placed_at: "2026-01-02T03:04:05.678Z",
        total: null,
        receipt: Buffer.from("PDF").toString("base64"),
        meta: { at: "2026-02-01T00:00:00.000Z", tags: ["1", null] },
      },
    ]);
  });

  it("does not pick up inherited properties for a field named like one", async () => {
    const store = new MemoryBlobStore();
    const source = fakeSource({
      key: "odd",
      fields: { constructor: "A column that happens to be called constructor" },
    });
    await stageSourceRecords(store, "k", source, once([{}]));
    expect(await collect(readStagedRecords(store, "k"))).toEqual([{ constructor: null }]);
  });

  it("reports the record count and the bytes stored, and reads every record back in order", async () => {
    const store = new MemoryBlobStore();
    const result = await stageSourceRecords(
      store,
      "k",
      orders,
      pagesOf(2_500, 100, (i) => ({ id: i, meta: "ü".repeat(i % 5) })),
    );

    expect(result.recordCount).toBe(2_500);
    const files = await readStagedFiles(store, result);
    expect(result.files.JSON).toMatchObject({
      key: stagedFileKey("k", "JSON"),
      records: 2_500,
      bytes: Buffer.byteLength(files.json),
    });
    expect(result.files.CSV).toMatchObject({ records: 2_500, bytes: Buffer.byteLength(files.csv) });
    // The NDJSON lines' bytes, as before the files were deflated: "[\n", "\n]\n" and a comma per record but the last aside.
    expect(result.bytes).toBe(Buffer.byteLength(files.json) - 4 - 2_499);
    const back = await collect(readStagedRecords(store, "k"));
    expect(back.map((r) => r.id)).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
  });

  it("writes the same files whether a source is small enough to stage in memory or streams", async () => {
    const fields = Object.keys(orders.fields);
    for (const count of [300, 6_000]) {
      const record = (i: number) => ({
        id: i,
        placed_at: `2026-01-0${(i % 9) + 1}`,
        total: i * 3,
        receipt: null,
        meta: `=note "${i}",\r\nü`,
      });
      const expectedJson =
        "[\n" + Array.from({ length: count }, (_, i) => JSON.stringify(record(i))).join(",\n") + "\n]\n";
      const expectedCsv =
        csvHeader(fields) + Array.from({ length: count }, (_, i) => csvRecordLine(fields, record(i))).join("");
      // One size on each side of the limit, so both ways of staging are checked.
      expect(Buffer.byteLength(expectedJson + expectedCsv) > IN_MEMORY_BYTES, `${count} records`).toBe(count > 300);

      const store = new MemoryBlobStore();
      const staged = await stageSourceRecords(store, "k", orders, pagesOf(count, 250, record));
      expect(await readStagedFiles(store, staged)).toEqual({ json: expectedJson, csv: expectedCsv });
      expect(staged.files.JSON).toMatchObject({ records: count, bytes: Buffer.byteLength(expectedJson) });
      expect(staged.files.CSV).toMatchObject({ records: count, bytes: Buffer.byteLength(expectedCsv) });
    }
  });

  it("removes the file already stored when storing the next one fails", async () => {
    const store = new MemoryBlobStore();
    const put = store.put.bind(store);
    store.put = async (key, body, options) => {
      if (key.endsWith(".csv.deflate")) throw new Error("storage is full");
      return put(key, body, options);
    };
    await expect(stageSourceRecords(store, "k", orders, once([{ id: 1 }]))).rejects.toThrow("storage is full");
    expect([...store.objects.keys()]).toEqual([]);
  });

  it("stages an empty history as an empty object", async () => {
    const store = new MemoryBlobStore();
    const staged = await stageSourceRecords(
      store,
      "k",
      orders,
      pagesOf(0, 100, () => ({})),
    );
    expect(staged).toMatchObject({ recordCount: 0, bytes: 0, files: { JSON: { records: 0 }, CSV: { records: 0 } } });
    expect(await readStagedFiles(store, staged)).toEqual({
      json: "[]\n",
      csv: "\uFEFFid,placed_at,total,receipt,meta\r\n",
    });
    expect(await collect(readStagedRecords(store, "k"))).toEqual([]);
  });

  it("pulls the next page only as storage consumes the previous one", async () => {
    let pulled = 0;
    async function* pages(): AsyncGenerator<ExportRecord[]> {
      // Random text: deflate takes in about what it gives out, so buffers hold what they say.
      for await (const page of pagesOf(50_000, 1_000, (i) => ({ id: i, meta: randomBytes(40).toString("base64") }))) {
        pulled += 1;
        yield page;
      }
    }
    const store = new MemoryBlobStore();
    let pulledAfterStall = -1;
    const slowPut = store.put.bind(store);
    store.put = async (key, body, options) => {
      // Read one chunk and stall, giving any eager read-ahead time to run; then give up like a failed upload.
      const chunks = (body as Readable)[Symbol.asyncIterator]();
      await chunks.next();
      await new Promise((resolve) => setTimeout(resolve, 50));
      pulledAfterStall = pulled;
      await chunks.return?.();
      return slowPut(key, "", options);
    };
    await stageSourceRecords(store, "k", orders, pages()).catch(() => undefined);
    // A few pages of read-ahead at most (each file's framing, measuring and deflate hold a
    // stream buffer each), never the whole 50-page history.
    expect(pulledAfterStall).toBeGreaterThan(0);
    expect(pulledAfterStall).toBeLessThanOrEqual(8);
  });

  it("removes the partial object and rethrows when the collector fails midway", async () => {
    const store = new MemoryBlobStore();
    async function* failing(): AsyncGenerator<ExportRecord[]> {
      yield [{ id: 1 }];
      throw new Error("database went away");
    }
    await expect(stageSourceRecords(store, "k", orders, failing())).rejects.toThrow("database went away");
    expect([...store.objects.keys()]).toEqual([]);
    expect(await store.head(stagedFileKey("k", "JSON"))).toBeNull();
  });

  it("says clearly when a staging object is missing", async () => {
    await expect(collect(readStagedRecords(new MemoryBlobStore(), "staging/r/x.ndjson"))).rejects.toThrow(
      /does not exist/,
    );
  });
});

describe("storage keys", () => {
  it("refuses ids that could escape their folder", () => {
    expect(stagingKey("req_1", "orders")).toBe("staging/req_1/orders.ndjson");
    expect(() => stagingKey("../x", "orders")).toThrow();
    expect(() => stagingKey("req", "a/b")).toThrow();
  });
});
