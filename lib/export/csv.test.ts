import { parse } from "csv-parse/sync";
import { buffer, text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import type { ExportRecord } from "@/lib/sources/types";
import { csvCell, exportCsvStream, guardFormula } from "./csv";

async function* records(...items: ExportRecord[]): AsyncGenerator<ExportRecord> {
  yield* items;
}

describe("CSV export", () => {
  it.each(['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tX", "\rX"])(
    "shows %j as text in a spreadsheet, never as a formula",
    (cell) => {
      expect(guardFormula(cell)).toBe(`'${cell}`);
    },
  );

  it("leaves ordinary text and numbers (including negative ones) untouched", () => {
    expect(guardFormula("Hello =world")).toBe("Hello =world");
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
  });

  it("writes nested objects and arrays as JSON text", () => {
    expect(csvCell({ a: [1, "b"] })).toBe('{"a":[1,"b"]}');
  });

  it("always writes the header row, even without records", async () => {
    const csv = await text(exportCsvStream(["id", "email"], records()));
    expect(parse(csv, { bom: true })).toEqual([["id", "email"]]);
  });

  it("round-trips quotes, commas, newlines and accents", async () => {
    const nasty = 'Line "one", then\r\nline two: Zoë';
    const bytes = await buffer(
      exportCsvStream(["id", "note"], records({ id: 1, note: nasty }, { id: 2, note: "=1+2" })),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM, so Excel reads accents right
    const csv = bytes.toString("utf8");
    expect(parse(csv, { bom: true })).toEqual([
      ["id", "note"],
      ["1", nasty],
      ["2", "'=1+2"],
    ]);
  });

  it("fails the stream when reading the records fails", async () => {
    async function* failing(): AsyncGenerator<ExportRecord> {
      yield { id: 1 };
      throw new Error("staging object vanished");
    }
    await expect(text(exportCsvStream(["id"], failing()))).rejects.toThrow("staging object vanished");
  });
});
