import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArchiveInput } from "./archive-input";
import { writeExportArchive, type ExportArchiveResult } from "./archive";
import type { ExportManifest } from "./manifest";
import { exportArchiveKey } from "./storage-keys";
import { LEAKED_SECRET, ORDER_COUNT, stageFixture } from "./testing/archive-fixture";
import { MemoryBlobStore } from "./testing/memory-blob-store";
import { readZipEntries } from "./testing/read-zip";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const csvRows = (bytes: Buffer) => parse(bytes, { bom: true }) as string[][];

describe("the export archive a customer downloads", () => {
  const store = new MemoryBlobStore();
  const key = exportArchiveKey("req_1", "DSR-2026-000123");
  let input: ArchiveInput;
  let result: ExportArchiveResult;
  let entries: Map<string, Buffer>;
  let manifest: ExportManifest;

  beforeAll(async () => {
    input = await stageFixture(store);
    result = await writeExportArchive(store, key, input);
    entries = await readZipEntries(store.bytes(key));
    manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as ExportManifest;
  }, 60_000);

  it("contains the data files of every collected source, then README.html and manifest.json", () => {
    expect([...entries.keys()]).toEqual([
      "data/orders.json",
      "data/orders.csv",
      "data/support_tickets.json",
      "data/support_tickets.csv",
      "README.html",
      "manifest.json",
    ]);
  });

  it("returns the size and sha256 of the archive exactly as stored", () => {
    const stored = store.bytes(key);
    expect(result.key).toBe(key);
    expect(result.sizeBytes).toBe(stored.length);
    expect(result.sha256).toBe(sha256(stored));
  });

  it("writes every record of a 25 000-record history as valid JSON, and [] for an empty one", () => {
    const orders = JSON.parse(entries.get("data/orders.json")!.toString("utf8")) as Array<Record<string, unknown>>;
    expect(orders).toHaveLength(ORDER_COUNT);
    expect(orders[0]).toEqual({
      id: 1,
      placed_at: "2025-01-01T00:00:00.000Z",
      total_cents: 1999,
      note: "note 0",
      items: [{ sku: "SKU-0", qty: 1 }],
    });
    expect(orders.at(-1)!.id).toBe(ORDER_COUNT);
    expect(JSON.parse(entries.get("data/support_tickets.json")!.toString("utf8"))).toEqual([]);
  });

  it("writes CSVs whose header is the declared fields, even with no records, and one row per record", () => {
    const orders = csvRows(entries.get("data/orders.csv")!);
    expect(orders[0]).toEqual(["id", "placed_at", "total_cents", "note", "items"]);
    expect(orders).toHaveLength(ORDER_COUNT + 1);
    expect(orders[1]).toEqual(["1", "2025-01-01T00:00:00.000Z", "1999", "note 0", '[{"sku":"SKU-0","qty":1}]']);
    expect(csvRows(entries.get("data/support_tickets.csv")!)).toEqual([["id", "subject", "opened_at"]]);
  });

  it("shows a formula-like value as text in the CSV but keeps it exact in the JSON", () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    expect(csvRows(entries.get("data/orders.csv")!)[8]![3]).toBe(`'${formula}`);
    const orders = JSON.parse(entries.get("data/orders.json")!.toString("utf8")) as Array<{ note: string }>;
    expect(orders[7]!.note).toBe(formula);
  });

  it("never exports a field that is not on the source's allow-list", () => {
    for (const [path, bytes] of entries) {
      const text = bytes.toString("utf8");
      expect(text, path).not.toContain(LEAKED_SECRET);
      expect(text, path).not.toContain("password_hash");
    }
  });

  it("lists every file in the manifest with the size and sha256 of its bytes in the ZIP", () => {
    expect(manifest.files.map((file) => file.path)).toEqual([...entries.keys()].filter((p) => p !== "manifest.json"));
    for (const file of manifest.files) {
      const bytes = entries.get(file.path)!;
      expect(file.bytes, file.path).toBe(bytes.length);
      expect(file.sha256, file.path).toBe(sha256(bytes));
    }
    const manifestEntry = result.files.find((file) => file.path === "manifest.json")!;
    expect(manifestEntry.sha256).toBe(sha256(entries.get("manifest.json")!));
  });

  it("states per source its status, record count, files and data dictionary", () => {
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.subject).toEqual({ id: "cus_42", email: "ada@example.com" });
    expect(manifest.request).toEqual({
      reference: "DSR-2026-000123",
      type: "ACCESS",
      submittedAt: "2026-03-01T09:30:00.000Z",
      range: null,
    });
    const [orders, tickets, analytics] = manifest.sources;
    expect(orders).toMatchObject({ key: "orders", status: "DONE", recordCount: ORDER_COUNT });
    expect(orders!.files).toEqual(["data/orders.json", "data/orders.csv"]);
    expect(orders!.fields.total_cents).toBe("Amount charged, in cents");
    expect(tickets).toMatchObject({
      status: "DONE",
      recordCount: 0,
      files: ["data/support_tickets.json", "data/support_tickets.csv"],
    });
    expect(analytics).toMatchObject({ status: "FAILED", error: "The analytics service did not answer.", files: [] });
    // Art. 15(1) completeness and 15(2) transfers, per source.
    expect(orders!.count).toEqual({
      method: "DATABASE_ROWS",
      description: "Rows counted by the source database while exporting",
      complete: true,
    });
    expect(analytics!.count.complete).toBe(false);
    expect(orders!.transfers).toEqual([]);
    expect(manifest.files.find((f) => f.path === "data/orders.csv")!.records).toBe(ORDER_COUNT);
  });

  it("explains in README.html what was found, what failed, the Art. 15 information and the rights", () => {
    const html = entries.get("README.html")!.toString("utf8");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|src=/i); // self-contained, no scripts
    expect(html).toContain("25,000 records found.");
    expect(html).toContain("No records were found.");
    expect(html).toContain("We could not collect this data.");
    expect(html).toContain("The analytics service did not answer.");
    expect(html).toContain('href="data/orders.json"');
    expect(html).toContain('href="data/support_tickets.csv"');
    expect(html).toContain('<a href="https://www.dataprotection.ie/">Data Protection Commission</a>');
    expect(html).toContain("dpo@streampay.example");
    expect(html).toContain("DSR-2026-000123");
    expect(html).toContain("<caption>Fields in Orders</caption>");
    for (const text of ["Rectification", "Erasure", "Restriction", "Objection", "Article 77", "automated processing"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain("Payment processor (Stripe)");
    expect(html).toContain("Six years after the account is closed.");
  });
});

describe("edge cases of the export archive", () => {
  const SMALL = 100;

  it("builds a complete archive that says no records were found when the history is empty", async () => {
    const store = new MemoryBlobStore();
    const base = await stageFixture(store, SMALL);
    const input: ArchiveInput = {
      ...base,
      request: { ...base.request, formats: ["CSV"] },
      sources: base.sources.slice(1, 2), // the empty support tickets
    };
    const result = await writeExportArchive(store, "exports/empty.zip", input);
    const entries = await readZipEntries(store.bytes("exports/empty.zip"));
    expect([...entries.keys()]).toEqual(["data/support_tickets.csv", "README.html", "manifest.json"]);
    expect(entries.get("README.html")!.toString()).toContain("no records were found about you");
    expect(result.files.map((f) => f.path)).toEqual([...entries.keys()]);
  });

  it("escapes markup from metadata, the subject and error messages in README.html", async () => {
    const store = new MemoryBlobStore();
    const base = await stageFixture(store, SMALL);
    const evil = `<script>alert("pwned")</script>`;
    const [orders, tickets, analytics] = base.sources;
    const input: ArchiveInput = {
      ...base,
      subject: { ...base.subject, name: evil },
      controller: { ...base.controller, supervisoryAuthority: { name: evil, url: "javascript:alert(1)" } },
      sources: [
        orders!,
        { ...tickets!, source: { ...tickets!.source, title: evil, description: evil, fields: { id: evil } } },
        { ...analytics!, error: evil },
      ],
    };
    await writeExportArchive(store, "exports/evil.zip", input);
    const html = (await readZipEntries(store.bytes("exports/evil.zip"))).get("README.html")!.toString();
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
  });

  it("fails, and leaves no partial archive behind, when a staging object is missing", async () => {
    const store = new MemoryBlobStore();
    const base = await stageFixture(store, SMALL);
    await store.delete(base.sources[0]!.files!.JSON!.key);
    await expect(writeExportArchive(store, "exports/broken.zip", base)).rejects.toThrow(/does not exist/);
    expect(await store.head("exports/broken.zip")).toBeNull();
  });

  it("fails, and leaves no partial archive behind, when reading a staging object breaks midway", async () => {
    const store = new MemoryBlobStore();
    const base = await stageFixture(store, SMALL);
    const get = store.get.bind(store);
    store.get = async (key) => {
      const object = await get(key);
      if (!object) return null;
      let reads = 0;
      const stream = new Readable({
        read() {
          if (reads++ < 3) this.push('{"id":1}\n');
          else this.destroy(new Error("disk read failed"));
        },
      });
      return { ...object, stream };
    };
    await expect(writeExportArchive(store, "exports/broken.zip", base)).rejects.toThrow("disk read failed");
    expect(await store.head("exports/broken.zip")).toBeNull();
  });

  it("refuses to package a staging object that holds fewer records than were collected", async () => {
    const store = new MemoryBlobStore();
    const base = await stageFixture(store, SMALL);
    const [orders, ...rest] = base.sources;
    const input = { ...base, sources: [{ ...orders!, recordCount: SMALL + 1 }, ...rest] };
    await expect(writeExportArchive(store, "exports/short.zip", input)).rejects.toThrow(
      /holds 100 records, but 101 were collected/,
    );
    expect(await store.head("exports/short.zip")).toBeNull();
  });

  it("refuses a source key that is not a safe file name", async () => {
    const store = new MemoryBlobStore();
    const base = await stageFixture(store, SMALL);
    const [orders] = base.sources;
    const input = { ...base, sources: [{ ...orders!, source: { ...orders!.source, key: "../../etc" } }] };
    await expect(writeExportArchive(store, "exports/x.zip", input)).rejects.toThrow(/not a safe file name/);
  });
});
