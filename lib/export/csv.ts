import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { ExportRecord } from "@/lib/sources/types";

// data/<source>.csv is for people who open their data in a spreadsheet. Its header row is the
// source's declared fields, always, even with no records, so an empty file still says what
// would have been there.

/**
 * Cells a spreadsheet would run as a formula. A customer's own data (a support-ticket subject, a
 * display name) could start with "=HYPERLINK(...)" and execute when the customer opens the file:
 * OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection) recommends
 * prefixing such cells with a single quote, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The text of one cell. Numbers and booleans stay as written (a number cannot start a formula,
 * and "-12.50" must stay numeric for the customer's spreadsheet); strings are guarded; nested
 * objects and arrays become their JSON text, guarded too.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return guardFormula(value);
  return guardFormula(JSON.stringify(value) ?? "");
}

/** A CSV of `records` with the columns `fields`, in that order; records must already be projected. */
export function exportCsvStream(fields: readonly string[], records: AsyncIterable<ExportRecord>): Readable {
  async function* rows(): AsyncGenerator<string[]> {
    yield fields.map(guardFormula);
    for await (const record of records) yield fields.map((field) => csvCell(record[field]));
  }
  // RFC 4180 line endings; the BOM makes Excel read the file as UTF-8 (names with accents).
  const stringifier = stringify({ bom: true, record_delimiter: "windows" });
  // pipeline destroys the stringifier with the error if reading the records fails, so the
  // archive writer sees the failure instead of a silently truncated file.
  return pipeline(Readable.from(rows()), stringifier, () => undefined);
}
