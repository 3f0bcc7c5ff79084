import type { DataSource, ExportRecord } from "@/lib/sources/types";

// A source's `fields` is the allow-list of what may leave the company (Art. 5(1)(c) data
// minimisation, Art. 32 security): a collector that selects an extra column (a password hash, an
// internal risk score) must not leak it. Every record is rebuilt from the allow-list, in its
// declared order, so the JSON, the CSV header and the data dictionary always agree.

/** The record reduced to the source's exported fields, with JSON-safe values; absent fields are null. */
export function projectRecord(source: Pick<DataSource, "fields">, record: ExportRecord): ExportRecord {
  return Object.fromEntries(
    Object.keys(source.fields).map((field) => [
      field,
      // Own properties only: a field named "constructor" must not pick up Object.prototype's.
      Object.hasOwn(record, field) ? exportValue(record[field]) : null,
    ]),
  );
}

/**
 * A value as it appears in an export: Date → ISO 8601 string, bigint → decimal string (JSON has
 * no 64-bit integers), bytes → base64, null/undefined → null; nested arrays and objects keep
 * their shape with the same rules applied inside.
 */
export function exportValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(exportValue);
  if (typeof value === "object") {
    // Decimal-like values (Prisma.Decimal) know their own JSON form; keep their precision.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return exportValue(toJSON.call(value));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exportValue(v)]));
  }
  // Functions and symbols are not data.
  return null;
}
