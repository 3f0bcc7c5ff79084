import type { DataSource, ExportRecord } from "@/lib/sources/types";

// A source's `fields` is the allow-list of what may leave the company (Art. 5(1)(c) data
// minimisation, Art. 32 security): a collector that selects an extra column (a password hash, an
// internal risk score) must not leak it. Every record is rebuilt from the allow-list, in its
// declared order, so the JSON, the CSV header and the data dictionary always agree.

export type RecordProjector = (record: ExportRecord) => ExportRecord;

const projectors = new WeakMap<DataSource["fields"], RecordProjector>();

/**
 * One projector per source, built once from its allow-list rather than re-deriving the field
 * list for every record: the field names are fixed, so each record is one object literal filled
 * in declared order.
 */
export function compileProjector(fields: DataSource["fields"]): RecordProjector {
  const cached = projectors.get(fields);
  if (cached) return cached;
  const names = Object.keys(fields);
  // Assigning to "__proto__" would set the prototype instead of a field: such a source takes the
  // slower defineProperty path.
  const assign = names.includes("__proto__")
    ? (target: ExportRecord, field: string, value: unknown) =>
        Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true })
    : (target: ExportRecord, field: string, value: unknown) => (target[field] = value);
  const project: RecordProjector = (record) => {
    const projected: ExportRecord = {};
    for (const field of names) {
      // Own properties only: a field named "constructor" must not pick up Object.prototype's.
      assign(projected, field, Object.hasOwn(record, field) ? exportValue(record[field]) : null);
    }
    return projected;
  };
  projectors.set(fields, project);
  return project;
}

/** The record reduced to the source's exported fields, with JSON-safe values; absent fields are null. */
export function projectRecord(source: Pick<DataSource, "fields">, record: ExportRecord): ExportRecord {
  return compileProjector(source.fields)(record);
}

/**
 * A value as it appears in an export: Date → ISO 8601 string, bigint → decimal string (JSON has
 * no 64-bit integers), bytes → base64, null/undefined → null; nested arrays and objects keep
 * their shape with the same rules applied inside.
 */
export function exportValue(value: unknown): unknown {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(exportValue);
  if (typeof value === "object") {
    // Decimal-like values (Prisma.Decimal) know their own JSON form; keep their precision.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return exportValue(toJSON.call(value));
    return exportObject(value as Record<string, unknown>);
  }
  // Functions and symbols are not data.
  return null;
}

/** A nested object (a jsonb column) with the same rules applied to its values, keys in their order. */
function exportObject(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const exported = exportValue(value[key]);
    // A key named "__proto__" is data here too, never the prototype.
    if (key === "__proto__")
      Object.defineProperty(result, key, { value: exported, enumerable: true, writable: true, configurable: true });
    else result[key] = exported;
  }
  return result;
}
