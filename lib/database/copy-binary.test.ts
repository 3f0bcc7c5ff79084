import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SerializedRowWriter } from "@/lib/export/serialized-rows";
import { csvRecordLine } from "@/lib/export/csv";
import { CopyBinaryReader } from "./copy-binary";

/** Rows in PostgreSQL's binary COPY format, as the server sends them (null = a NULL field). */
function encode(rows: Array<Array<string | null>>, headerExtension = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [
    Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
    Buffer.alloc(4),
    int32(headerExtension.length),
    headerExtension,
  ];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      if (field === null) parts.push(int32(-1));
      else parts.push(int32(Buffer.byteLength(field)), Buffer.from(field));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

/** Feeds `bytes` to a reader in pieces cut at `cuts`, collecting the rows it reports. */
function decode(bytes: Buffer, cuts: number[]): { rows: Array<Array<string | null>>; ended: boolean } {
  const reader = new CopyBinaryReader();
  const rows: Array<Array<string | null>> = [];
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const end of [...points, bytes.length]) {
    // A fresh buffer per piece, overwritten after the call: the reader must not keep views of it.
    const piece = Buffer.from(bytes.subarray(start, end));
    reader.read(piece, (buffer, starts, ends, count) => {
      rows.push(
        Array.from({ length: count }, (_, field) =>
          starts[field] === -1 ? null : buffer.toString("utf8", starts[field], ends[field]),
        ),
      );
    });
    piece.fill(0);
    start = end;
  }
  return { rows, ended: reader.ended };
}

const rows = fc.array(
  fc.array(fc.option(fc.string({ unit: "grapheme", maxLength: 40 })), {
    minLength: 1,
    maxLength: 20,
  }),
  { maxLength: 30 },
);

describe("reading PostgreSQL's binary COPY format", () => {
  it("gives every row and field, NULLs included, however the stream is cut into chunks", () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.uint8Array({ maxLength: 8 }),
        (expected, cuts, extension) => {
          const { rows: decoded, ended } = decode(encode(expected, Buffer.from(extension)), cuts);
          expect(decoded).toEqual(expected);
          expect(ended).toBe(true);
        },
      ),
    );
  });

  it("does not call a stream that stops early ended, and refuses what is not binary COPY", () => {
    const bytes = encode([["a", "b"]]);
    expect(decode(bytes.subarray(0, bytes.length - 2), []).ended).toBe(false);
    expect(() => new CopyBinaryReader().read(Buffer.from("id,name\n1,Alex\n".repeat(3)), () => undefined)).toThrow(
      /binary format/,
    );
  });
});

describe("serialised rows", () => {
  it("are the JSON lines as sent and the CSV records csvRecordLine writes for the same text cells", () => {
    const cells = fc.array(
      fc.option(
        fc.string({
          unit: fc.constantFrom("a", "é", " ", '"', ",", "\r", "\n", "\t", "=", "+", "-", "@", "'"),
        }),
      ),
      { minLength: 3, maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.array(cells, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 6 }), (records, cuts) => {
        const fields = ["a", "b", "c"];
        const asRecord = (values: Array<string | null>) =>
          Object.fromEntries(fields.map((field, index) => [field, values[index]]));
        const wire = encode(records.map((values) => [JSON.stringify(asRecord(values)), ...values]));
        const writer = new SerializedRowWriter(["text", "text", "text"]);
        const reader = new CopyBinaryReader();
        const json: Buffer[] = [];
        const csv: Buffer[] = [];
        let start = 0;
        for (const end of [...new Set(cuts.map((cut) => cut % wire.length))]
          .sort((a, b) => a - b)
          .concat(wire.length)) {
          reader.read(wire.subarray(start, end), writer.write);
          const taken = writer.take();
          json.push(taken.json);
          csv.push(taken.csv!);
          start = end;
        }
        expect(Buffer.concat(json).toString()).toBe(
          records.map((values) => JSON.stringify(asRecord(values)) + "\n").join(""),
        );
        expect(Buffer.concat(csv).toString()).toBe(
          records.map((values) => csvRecordLine(fields, asRecord(values))).join(""),
        );
      }),
    );
  });

  it("writes a raw cell as it is and a JSON cell by its mark: r as is, s as a guarded string", () => {
    const writer = new SerializedRowWriter(["raw", "json", "json", "json"]);
    const wire = encode([['{"n":-5}', "-5", "r-12", 's=cmd("x")', null]]);
    new CopyBinaryReader().read(wire, writer.write);
    expect(writer.take().csv!.toString()).toBe(`-5,-12,"'=cmd(""x"")",\r\n`);
  });
});
