import pg from "pg";
import { sourceDatabase } from "./source-database";
import { serializeSqlRows } from "./sql-serialize";
import type { CollectOptions, DataSource, DataSubject, ExportRecord } from "./types";

// Most sources are one table (or a table and its children) in the company's database. This turns
// a declaration of that table into a collector with keyset pagination: each page is
// `WHERE key > last key ORDER BY key LIMIT n` on an index, so page 1 000 costs what page 1 does,
// and only one page is ever in memory. Rows erased under Art. 17 never match.

export type SqlSourceQuery = {
  /** FROM clause, with the alias `t` for the main table: "shop.orders t". */
  from: string;
  /** Column expressions by exported field name: { order_number: "t.order_number" }. Only these are selected. */
  columns: Record<string, string>;
  /** The unique, indexed key pages are ordered by: "t.id". */
  key: string;
  /** A timestamp column the customer's optional date range applies to. */
  dateColumn?: string;
  /** Extra conditions beyond the subject and erasure checks. */
  where?: string[];
  /**
   * How rows are matched to the subject ($1 is the subject's id), declared by the company's folder
   * (lib/companies/<name>/): it must match no rows for a subject the company has erased.
   */
  subject: string;
  /**
   * A query from the subject's id ($1) to the one value `subject` should compare with (an internal
   * customer id), or no row for a subject the company has erased. When given, it runs once per
   * collect and `subject`'s $1 is that value: PostgreSQL then plans each page for this subject
   * (its column statistics say how many rows are theirs) instead of for an unknown one, which
   * beside a customer with a million rows walked the primary key through all of them (issue #11).
   */
  subjectKey?: string;
};

export type SqlSourceDefinition = Omit<DataSource, "collect" | "serialize" | "counting"> & { query: SqlSourceQuery };

// Pages of 5 000 rows save round trips but peaked at 248–267 MB RSS for 100k rows against 209 MB
// with 1 000 (a page's row objects and their projections are alive together; issue #11).
const DEFAULT_PAGE_SIZE = 1000;

const TIMESTAMPTZ_OID = 1184;
/** `2024-03-05 06:07:08.123456+00`: what PostgreSQL prints for a timestamptz in a UTC session. */
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * Types as the export wants them: a UTC timestamptz becomes its ISO 8601 text directly, which is
 * what the export writes for a Date (new Date(text).toISOString(), milliseconds truncated),
 * without building a Date per value; anything else (another time zone, infinity, BC) is parsed
 * by pg as usual.
 */
const EXPORT_TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    const standard = pg.types.getTypeParser(oid, format ?? "text") as (text: string) => unknown;
    if (oid !== TIMESTAMPTZ_OID || format === "binary") return standard;
    return (text: string) => {
      const utc = UTC_TIMESTAMP.exec(text);
      return utc ? `${utc[1]}T${utc[2]}.${(utc[3] ?? "").padEnd(3, "0").slice(0, 3)}Z` : standard(text);
    };
  },
} as pg.CustomTypesConfig;

/** The SELECT (without pagination) and parameters of a source declared with sqlSource. */
export type SqlSourceSelect = {
  /** `expression AS "field"` for each selected field. */
  select: string[];
  columns: Record<string, string>;
  from: string;
  conditions: string[];
  params: unknown[];
  key: string;
};

const declarations = new WeakMap<DataSource, SqlSourceQuery>();

/** `subject` with its $1 bound to `key`'s value: the subject key's query as a sub-select, or as a parameter. */
function subjectCondition(query: SqlSourceQuery, resolvedKey: boolean): string {
  return query.subjectKey && !resolvedKey
    ? query.subject.replace(/\$1(?!\d)/g, `(${query.subjectKey})`)
    : query.subject;
}

function selectFor(
  query: SqlSourceQuery,
  subject: DataSubject,
  range: CollectOptions["range"],
  key?: { value: unknown },
): SqlSourceSelect {
  const params: unknown[] = [key ? key.value : subject.id];
  const conditions = [subjectCondition(query, key !== undefined), "t.erased_at IS NULL", ...(query.where ?? [])];
  if (query.dateColumn && range?.from) conditions.push(`${query.dateColumn} >= $${params.push(range.from)}`);
  if (query.dateColumn && range?.to) conditions.push(`${query.dateColumn} < $${params.push(range.to)}`);
  const select = Object.entries(query.columns).map(
    ([field, expression]) => `${expression} AS ${pg.escapeIdentifier(field)}`,
  );
  return { select, columns: query.columns, from: query.from, conditions, params, key: query.key };
}

/**
 * The value `subject` compares with, when the source declares a subject key query: runs it once.
 * An erased or unknown subject gives NULL, which matches no row, while the source's own query
 * still runs, so a table that is missing or broken fails the source instead of passing for "no
 * data held".
 */
async function subjectKeyValue(
  pool: pg.Pool,
  query: SqlSourceQuery,
  subject: DataSubject,
): Promise<{ value: unknown } | undefined> {
  if (!query.subjectKey) return undefined;
  const { rows } = await pool.query<unknown[]>({ text: query.subjectKey, values: [subject.id], rowMode: "array" });
  return { value: rows[0]?.[0] ?? null };
}

/**
 * The whole history's SELECT of a source declared with sqlSource, for tools that let
 * PostgreSQL serialise it (the benchmark's COPY floor); undefined for any other source.
 */
export function sqlSourceSelect(
  source: DataSource,
  subject: DataSubject,
  range?: CollectOptions["range"],
): SqlSourceSelect | undefined {
  const query = declarations.get(source);
  return query && selectFor(query, subject, range);
}

function toRecord(fields: readonly string[], row: readonly unknown[]): ExportRecord {
  const record: ExportRecord = {};
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index]!;
    // A column named "__proto__" is data, not the record's prototype.
    if (field === "__proto__")
      Object.defineProperty(record, field, { value: row[index], enumerable: true, writable: true, configurable: true });
    else record[field] = row[index];
  }
  return record;
}

export function sqlSource(definition: SqlSourceDefinition): DataSource {
  const { query, ...metadata } = definition;
  const undeclared = Object.keys(query.columns).filter((field) => !(field in metadata.fields));
  if (undeclared.length > 0)
    throw new Error(`Source ${metadata.key} selects undeclared fields: ${undeclared.join(", ")}`);

  const source: DataSource = {
    ...metadata,
    // The count is the rows PostgreSQL returned for the subject, every page to the last.
    counting: { method: "DATABASE_ROWS" },
    async *collect(subject: DataSubject, options: CollectOptions = {}): AsyncIterable<ExportRecord[]> {
      const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
      const pool = sourceDatabase();
      const key = await subjectKeyValue(pool, query, subject);
      const { select, from, conditions, params } = selectFor(query, subject, options.range, key);
      const limitParam = params.push(pageSize);
      const cursorParam = params.push(null);
      const sql = `SELECT ${select.join(", ")}, ${query.key} AS "__key"
                     FROM ${from}
                    WHERE ${conditions.join(" AND ")}
                      AND ($${cursorParam}::bigint IS NULL OR ${query.key} > $${cursorParam}::bigint)
                    ORDER BY ${query.key}
                    LIMIT $${limitParam}`;
      // Rows as arrays (the key last), turned into records here: one object per row, not two.
      const fields = Object.keys(query.columns);
      const fetchPage = async (): Promise<unknown[][]> => {
        const { rows } = await pool.query<unknown[]>({
          text: sql,
          values: [...params],
          types: EXPORT_TYPES,
          rowMode: "array",
        });
        // The next page starts after this one's last key: ask for it now, so the database reads it
        // while the caller serialises this one (two pages in memory at most).
        if (rows.length === pageSize) params[cursorParam - 1] = rows.at(-1)!.at(-1);
        return rows;
      };
      let next: Promise<unknown[][]> | undefined = fetchPage();
      try {
        while (next) {
          options.signal?.throwIfAborted();
          const rows: unknown[][] = await next;
          next = rows.length === pageSize ? fetchPage() : undefined;
          if (rows.length > 0) yield rows.map((row) => toRecord(fields, row));
        }
      } finally {
        // A consumer that stops early (or fails) must not leave a rejected prefetch unobserved.
        next?.catch(() => undefined);
      }
    },
    async serialize(subject, options) {
      const pool = sourceDatabase();
      const key = await subjectKeyValue(pool, query, subject);
      return serializeSqlRows(
        pool,
        selectFor(query, subject, options.range, key),
        Object.keys(metadata.fields),
        options,
      );
    },
  };
  declarations.set(source, query);
  return source;
}
