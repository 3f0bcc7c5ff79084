import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvRecordLine } from "./csv";
import { CsvRecordsAfterHeader, JsonArrayFromLines } from "./data-file-streams";

// The package step copies staged bytes instead of re-serialising records: these check that the
// copies are exactly the files a record-by-record writer would produce, wherever storage happens
// to cut its chunks.

const RECORDS = [
  { id: 1, note: "plain" },
  { id: 2, note: 'quote " and comma , and\r\nline break' },
  { id: 3, note: '=HYPERLINK("http://evil")' },
  { id: 4, note: "Zoë 🎉", nested: { a: [1, "b"] } },
];

/** The same bytes delivered in chunks cut at `cuts` (byte offsets). */
function chunked(bytes: Buffer, cuts: number[]): Readable {
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  return Readable.from(bounds.slice(1).map((end, index) => bytes.subarray(bounds[index], end)));
}

async function through<T extends JsonArrayFromLines | CsvRecordsAfterHeader>(input: Readable, transform: T) {
  input.pipe(transform);
  const output = await buffer(transform);
  return { text: output.toString("utf8"), records: transform.records };
}

describe("data/<source>.json from staged lines", () => {
  const lines = Buffer.from(RECORDS.map((record) => JSON.stringify(record) + "\n").join(""));
  const expected = "[\n" + RECORDS.map((record) => JSON.stringify(record)).join(",\n") + "\n]\n";

  it("is the JSON array of the records, one per line, however the staged bytes are chunked", async () => {
    for (let cut = 0; cut <= lines.length; cut += 1) {
      const { text, records } = await through(chunked(lines, [cut, cut + 7]), new JsonArrayFromLines());
      expect(text, `cut at ${cut}`).toBe(expected);
      expect(records).toBe(RECORDS.length);
    }
    expect(JSON.parse(expected)).toEqual(RECORDS);
  });

  it("is [] for an empty history, and counts a last line without its line break", async () => {
    expect(await through(Readable.from([]), new JsonArrayFromLines())).toEqual({ text: "[]\n", records: 0 });
    expect(await through(Readable.from([Buffer.from('{"id":1}\n{"id":2}')]), new JsonArrayFromLines())).toEqual({
      text: '[\n{"id":1},\n{"id":2}\n]\n',
      records: 2,
    });
  });
});

describe("data/<source>.csv from staged records", () => {
  const fields = ["id", "note", "nested"];
  const rows = Buffer.from(RECORDS.map((record) => csvRecordLine(fields, record)).join(""));

  it("writes what csv-stringify writes for the same guarded cells", () => {
    const cells = [
      fields,
      ...RECORDS.map((record) => fields.map((field) => csvCell((record as Record<string, unknown>)[field]))),
    ];
    const reference = stringify(cells, { bom: true, record_delimiter: "windows" });
    expect(csvHeader(fields) + rows.toString("utf8")).toBe(reference);
  });

  it("puts the header first and counts records, not line breaks inside quoted cells, however it is chunked", async () => {
    const expected = csvHeader(fields) + rows.toString("utf8");
    for (let cut = 0; cut <= rows.length; cut += 1) {
      const { text, records } = await through(
        chunked(rows, [cut, cut + 5]),
        new CsvRecordsAfterHeader(csvHeader(fields)),
      );
      expect(text, `cut at ${cut}`).toBe(expected);
      expect(records, `cut at ${cut}`).toBe(RECORDS.length);
    }
  });

  it("is the header row alone for an empty history", async () => {
    expect(await through(Readable.from([]), new CsvRecordsAfterHeader(csvHeader(fields)))).toEqual({
      text: "\uFEFFid,note,nested\r\n",
      records: 0,
    });
  });
});
