import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSourceDatabase } from "./source-database";
import { sqlSource, sqlSourceSelect } from "./sql-source";
import { TEST_DECLARATION } from "./testing/declaration";
import type { ExportRecord } from "./types";

// sqlSource reads timestamptz columns as ISO text without building a Date per value, and asks for
// the next page while the current one is being written: neither may change a single exported value.

const source = sqlSource({
  key: "moments",
  title: "Moments",
  description: "Timestamps in every shape PostgreSQL prints.",
  ...TEST_DECLARATION,
  fields: { moment_id: "Id", at: "When", note: "Note" },
  query: {
    from: "moments t",
    key: "t.id",
    columns: { moment_id: "t.id", at: "t.at", note: "t.note" },
    subject: "t.subject = $1",
  },
});

const VALUES = [
  "2024-03-05 06:07:08+00",
  "2024-03-05 06:07:08.5+00",
  "2024-03-05 06:07:08.057+00",
  "2024-03-05 06:07:08.999999+00",
  "1999-12-31 23:59:59.0001+00",
  "0099-01-01 00:00:00+00",
  "infinity",
];

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(
    "CREATE TABLE moments (id bigserial PRIMARY KEY, subject text, at timestamptz, note text, erased_at timestamptz)",
  );
  // 2 503 rows over 7 shapes (and NULL), so pages of 10 and 1 000 both end mid-way and exactly at the end.
  await client.query(
    `INSERT INTO moments (subject, at, note)
     SELECT 'cus_1', CASE WHEN n % 8 = 7 THEN NULL ELSE ($1::text[])[n % 8 + 1]::timestamptz END, 'row ' || n FROM generate_series(0, 2502) n`,
    [VALUES],
  );
});
afterAll(async () => {
  await client.query("DROP TABLE moments");
  await client.end();
  await closeSourceDatabase();
});

async function collect(pageSize: number): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  for await (const page of source.collect({ id: "cus_1", email: "x@example.com" }, { pageSize })) records.push(...page);
  return records;
}

// The same table matched through a subject key: the key query maps an external id to the value
// the rows carry, or to nothing for a subject that is gone.
const keyed = sqlSource({
  ...source,
  key: "keyed-moments",
  query: {
    from: "moments t",
    key: "t.id",
    columns: { moment_id: "t.id", at: "t.at", note: "t.note" },
    subject: "t.subject = $1",
    subjectKey: "SELECT 'cus_' || $1::text WHERE $1 <> 'gone'",
  },
});

describe("sqlSource", () => {
  it("exports every timestamptz exactly as new Date(value).toISOString() would, in a UTC session", async () => {
    await client.query("SET TimeZone = 'UTC'");
    const { rows } = await client.query<{ id: string; at: Date | number | null }>(
      "SELECT id, at FROM moments ORDER BY id",
    );
    const expected = rows.map((row) => (row.at instanceof Date ? row.at.toISOString() : row.at));
    const records = await collect(1000);
    expect(records).toHaveLength(2503);
    expect(records.map((record) => (record.at instanceof Date ? record.at.toISOString() : record.at))).toEqual(
      expected,
    );
    expect(records[1]!.at).toBe("2024-03-05T06:07:08.500Z");
    expect(records[5]!.at).toBe("0099-01-01T00:00:00.000Z");
  });

  it("gives the same records with prefetched small pages as with one page, fields in declared order", async () => {
    const [small, whole] = [await collect(10), await collect(5000)];
    expect(small).toEqual(whole);
    expect(Object.keys(small[0]!)).toEqual(["moment_id", "at", "note"]);
    expect(small.at(-1)!.note).toBe("row 2502");
  });

  it("with a subject key, collects the key's rows (the same as without), nothing when the key finds no row, and tells the floor the same rows", async () => {
    const records: ExportRecord[] = [];
    for await (const page of keyed.collect({ id: "1", email: "x@example.com" }, { pageSize: 1000 }))
      records.push(...page);
    expect(records).toEqual(await collect(1000));
    const gone: ExportRecord[] = [];
    for await (const page of keyed.collect({ id: "gone", email: "x@example.com" })) gone.push(...page);
    expect(gone).toEqual([]);
    // A subject the key does not find still reads the table: a missing one fails, not "no data".
    await client.query("ALTER TABLE moments RENAME TO moments_offline");
    try {
      await expect(async () => {
        for await (const _page of keyed.collect({ id: "gone", email: "x@example.com" })) void _page;
      }).rejects.toThrow(/moments.*does not exist/);
    } finally {
      await client.query("ALTER TABLE moments_offline RENAME TO moments");
    }
    // The benchmark's COPY floor runs one statement: the key query becomes a sub-select there.
    const select = sqlSourceSelect(keyed, { id: "1", email: "x@example.com" })!;
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ${select.from} WHERE ${select.conditions.join(" AND ")}`,
      select.params,
    );
    expect(rows[0].n).toBe(2503);
  });
});
