import { Readable } from "node:stream";
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

/** The UTF-8 byte order mark: it makes Excel read the file as UTF-8 (names with accents). */
export const CSV_BOM = "\uFEFF";
/** RFC 4180 ends every record, the last one too, with CRLF. */
const RECORD_END = "\r\n";
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 field: quoted when it holds a quote, comma or line break, with quotes doubled.
 * Written out rather than handed to csv-stringify record by record because this runs for every
 * cell of a million-row history; csv.test.ts checks it against csv-stringify's output.
 */
function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The BOM and the header row: the source's declared fields, guarded like any cell. */
export function csvHeader(fields: readonly string[]): string {
  return CSV_BOM + fields.map((field) => quoteField(guardFormula(field))).join(",") + RECORD_END;
}

/** Either a formula start or a character that needs quoting: most cells have neither. */
const PLAIN_CELL_NOT = /^[=+\-@\t\r]|[",\r\n]/;

/** csvCell then quoteField, with one test instead of two for the common cell that needs neither. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  // A number or boolean prints without quotes, commas or line breaks, and cannot start a formula.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
  return PLAIN_CELL_NOT.test(text) ? quoteField(guardFormula(text)) : text;
}

/** One CSV record for an already projected record, CRLF included. */
export function csvRecordLine(fields: readonly string[], record: ExportRecord): string {
  let line = "";
  for (let index = 0; index < fields.length; index += 1) {
    if (index > 0) line += ",";
    line += csvField(record[fields[index]!]);
  }
  return line + RECORD_END;
}

/** Flush to the archive in chunks of about this size rather than one tiny write per record. */
const CHUNK_CHARS = 64 * 1024;

/** A CSV of `records` with the columns `fields`, in that order; records must already be projected. */
export function exportCsvStream(fields: readonly string[], records: AsyncIterable<ExportRecord>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    let pending = csvHeader(fields);
    for await (const record of records) {
      pending += csvRecordLine(fields, record);
      if (pending.length >= CHUNK_CHARS) {
        yield pending;
        pending = "";
      }
    }
    yield pending;
  }
  // Readable.from ends the stream with the error if reading the records fails, so the archive
  // writer sees the failure instead of a silently truncated file.
  return Readable.from(chunks(), { objectMode: false });
}
