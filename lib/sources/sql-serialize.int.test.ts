import { parse } from "csv-parse/sync";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeRecordPages, stageSerializedPages } from "@/lib/export/staging";
import { MemoryBlobStore } from "@/lib/export/testing/memory-blob-store";
import { readStagedFiles } from "@/lib/export/testing/staged-files";
import { closeSourceDatabase } from "./source-database";
import { sqlSource } from "./sql-source";
import { TEST_DECLARATION } from "./testing/declaration";
import type { CollectOptions, DataSource, DataSubject } from "./types";

// A SQL source's fast path (PostgreSQL writes the JSON lines, the portal assembles the CSV from
// the cells' bytes) must stage exactly what the record path stages for the same rows: the
// customer cannot get a different file because their history was large. Random rows of every
// supported type go through both paths and are compared byte for byte.

const SUBJECT: DataSubject = { id: "cus_1", email: "x@example.com" };

const base = {
  title: "Rendered",
  description: "Every column type the fast path renders.",
  ...TEST_DECLARATION,
};

const typed = sqlSource({
  ...base,
  key: "rendered",
  fields: {
    row_id: "Id",
    small: "int2",
    medium: "int4",
    large: "int8",
    amount: "numeric",
    flag: "boolean",
    label: "text",
    code: "varchar",
    padded: "char(5)",
    uid: "uuid",
    at: "timestamptz",
    'odd "name", =1': "A field name that needs escaping",
    never: "Declared, not selected",
  },
  query: {
    from: "rendered t",
    key: "t.id",
    dateColumn: "t.at",
    subject: "t.subject = $1",
    columns: {
      row_id: "t.id",
      small: "t.small",
      medium: "t.medium",
      large: "t.large",
      amount: "t.amount",
      flag: "t.flag",
      label: "t.label",
      code: "t.code",
      padded: "t.padded",
      uid: "t.uid",
      at: "t.at",
      'odd "name", =1': "upper(t.label)",
    },
  },
});

const documents = sqlSource({
  ...base,
  key: "documents",
  fields: { row_id: "Id", doc: "jsonb", doc_json: "json" },
  query: {
    from: "rendered t",
    key: "t.id",
    subject: "t.subject = $1",
    columns: { row_id: "t.id", doc: "t.doc", doc_json: "t.doc::json" },
  },
});

/** Strings with what CSV and JSON must escape: quotes, commas, line breaks, control characters, formula starts, non-ASCII. */
const tricky = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      "a",
      "Z",
      " ",
      '"',
      ",",
      "\r",
      "\n",
      "\t",
      "\\",
      "=",
      "+",
      "-",
      "@",
      "'",
      "\u0001",
      "\u001f",
      "\u007f",
      "é",
      "€",
      "😀",
      "\u2028",
    ),
  }),
  fc.string({ unit: "grapheme" }),
);
const timestamps = fc.oneof(
  fc
    .date({
      min: new Date("0001-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  fc.constantFrom(
    "infinity",
    "-infinity",
    "2024-03-05 06:07:08.999999+00",
    "1999-12-31 23:59:59.0001+00",
    "0099-01-01 00:00:00+00",
    "12345-06-07 08:09:10.5+00",
    "0001-02-03 04:05:06.7+00 BC",
    "0044-03-15 12:00:00+00 BC",
  ),
);
const row = fc.record({
  subject: fc.constantFrom("cus_1", "cus_1", "cus_1", "cus_2"),
  small: fc.option(fc.integer({ min: -32768, max: 32767 })),
  medium: fc.option(fc.integer({ min: -2147483648, max: 2147483647 })),
  large: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)),
  amount: fc.option(
    fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat({ max: 99999999 }))
      .map(([whole, fraction]) => `${whole}.${fraction}`),
  ),
  flag: fc.option(fc.boolean()),
  label: fc.option(tricky),
  code: fc.option(tricky.map((text) => text.slice(0, 20))),
  padded: fc.option(fc.string({ maxLength: 5, unit: fc.constantFrom("a", " ", "=", '"', ",") })),
  uid: fc.option(fc.uuid()),
  at: fc.option(timestamps),
  doc: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).filter((value) => !JSON.stringify(value).includes("\\u0000") && !hasFraction(value)),
    tricky.map((text) => ({ note: text })),
    fc.constantFrom("=cmd()", -12, true, null, [], {}),
  ),
});

/** jsonb prints numbers exactly as written (1.50, 1e2 as 100); the record path prints JavaScript's reading of them. */
function hasFraction(value: unknown): boolean {
  return JSON.stringify(value, (_key, inner: unknown) => inner)?.match(/\d[.eE]/) !== null;
}

/** An object or array cell as its value (whitespace differs), any other cell as its text. */
function asJson(cell: string): unknown {
  try {
    return /^[[{]/.test(cell) ? (JSON.parse(cell) as unknown) : cell;
  } catch {
    return cell;
  }
}

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`CREATE TABLE rendered (
    id bigserial PRIMARY KEY, subject text NOT NULL, small smallint, medium integer, large bigint, amount numeric,
    flag boolean, label text, code varchar(20), padded char(5), uid uuid, at timestamptz, doc jsonb, erased_at timestamptz)`);
});
afterAll(async () => {
  await client.query("DROP TABLE rendered");
  await client.end();
  await closeSourceDatabase();
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

async function insert(rows: Row[]): Promise<void> {
  await client.query("TRUNCATE rendered");
  for (const value of rows) {
    await client.query(
      `INSERT INTO rendered (subject, small, medium, large, amount, flag, label, code, padded, uid, at, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)`,
      [
        value.subject,
        value.small,
        value.medium,
        value.large,
        value.amount,
        value.flag,
        value.label,
        value.code,
        value.padded,
        value.uid,
        value.at,
        JSON.stringify(value.doc),
      ],
    );
  }
  await client.query("UPDATE rendered SET erased_at = now() WHERE id % 7 = 3");
}

/** What each path stages for the subject: data/<source>.json and .csv. */
async function staged(source: DataSource, path: "database" | "records", options: CollectOptions = {}) {
  const store = new MemoryBlobStore();
  const pages =
    path === "database"
      ? await source.serialize!(SUBJECT, { range: options.range, csv: true })
      : serializeRecordPages(source, source.collect(SUBJECT, { range: options.range }), true);
  expect(pages).toBeDefined();
  const staged = await stageSerializedPages(store, "k.ndjson", source, pages!);
  return { recordCount: staged.recordCount, ...(await readStagedFiles(store, staged)) };
}

describe("a SQL source serialised by PostgreSQL", () => {
  it("stages byte for byte what the record path stages, for every supported column type", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        await insert(rows);
        const [fast, slow] = [await staged(typed, "database"), await staged(typed, "records")];
        expect(fast.json).toBe(slow.json);
        expect(fast.csv).toBe(slow.csv);
        expect(fast.recordCount).toBe(slow.recordCount);
      }),
      { numRuns: 25 },
    );
  });

  it("applies the customer's date range and skips erased rows exactly as the record path does", async () => {
    await insert(fc.sample(row, { numRuns: 200, seed: 11 }));
    const range = {
      from: new Date("1500-01-01T00:00:00Z"),
      to: new Date("2500-01-01T00:00:00Z"),
    };
    const [fast, slow] = [await staged(typed, "database", { range }), await staged(typed, "records", { range })];
    expect(fast.json).toBe(slow.json);
    expect(fast.recordCount).toBeGreaterThan(0);
    expect(fast.recordCount).toBeLessThan(200);
  });

  it("writes jsonb and json as PostgreSQL prints jsonb: the same values, and in CSV strings unquoted and numbers as numbers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        await insert(rows);
        const [fast, slow] = [await staged(documents, "database"), await staged(documents, "records")];
        expect(JSON.parse(fast.json)).toEqual(JSON.parse(slow.json));
        const cells = (csv: string) => (parse(csv, { bom: true }) as string[][]).map((cells) => cells.map(asJson));
        expect(cells(fast.csv)).toEqual(cells(slow.csv));
      }),
      { numRuns: 15 },
    );
  });

  it("fails, rather than waiting or ending the process, when its connection is terminated mid-COPY", async () => {
    await client.query("TRUNCATE rendered");
    await client.query(
      "INSERT INTO rendered (subject, label) SELECT 'cus_1', repeat('x', 200) FROM generate_series(1, 200000)",
    );
    const pages = (await typed.serialize!(SUBJECT, { csv: true }))![Symbol.asyncIterator]();
    expect((await pages.next()).value.records).toBeGreaterThan(0);
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY (SELECT row_to_json%' AND pid <> pg_backend_pid()",
    );
    await expect(async () => {
      for (let page = await pages.next(); !page.done; page = await pages.next());
    }).rejects.toThrow(/terminat/);
  });

  it("leaves a source with a column type it cannot render to the record path", async () => {
    const dated = sqlSource({
      ...base,
      key: "dated",
      fields: { day: "A date" },
      query: {
        from: "rendered t",
        key: "t.id",
        subject: "t.subject = $1",
        columns: { day: "t.at::date" },
      },
    });
    await expect(dated.serialize!(SUBJECT, { csv: true })).resolves.toBeUndefined();
  });
});
