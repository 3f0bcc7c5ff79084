import { sourceDatabase } from "./source-database";
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
};

export type SqlSourceDefinition = Omit<DataSource, "collect"> & { query: SqlSourceQuery };

const DEFAULT_PAGE_SIZE = 1000;

export function sqlSource(definition: SqlSourceDefinition): DataSource {
  const { query, ...metadata } = definition;
  const undeclared = Object.keys(query.columns).filter((field) => !(field in metadata.fields));
  if (undeclared.length > 0) throw new Error(`Source ${metadata.key} selects undeclared fields: ${undeclared.join(", ")}`);

  return {
    ...metadata,
    async *collect(subject: DataSubject, options: CollectOptions = {}): AsyncIterable<ExportRecord[]> {
      const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
      const params: unknown[] = [subject.id, pageSize];
      const conditions = [query.subject, "t.erased_at IS NULL", ...(query.where ?? [])];
      if (query.dateColumn && options.range?.from) conditions.push(`${query.dateColumn} >= $${params.push(options.range.from)}`);
      if (query.dateColumn && options.range?.to) conditions.push(`${query.dateColumn} < $${params.push(options.range.to)}`);
      const cursorParam = params.push(null);
      const select = Object.entries(query.columns).map(([field, expression]) => `${expression} AS "${field}"`);
      const sql = `SELECT ${select.join(", ")}, ${query.key} AS "__key"
                     FROM ${query.from}
                    WHERE ${conditions.join(" AND ")} AND ($${cursorParam}::bigint IS NULL OR ${query.key} > $${cursorParam}::bigint)
                    ORDER BY ${query.key}
                    LIMIT $2`;
      const pool = sourceDatabase();
      for (;;) {
        options.signal?.throwIfAborted();
        const { rows } = await pool.query<ExportRecord & { __key: string }>(sql, params);
        if (rows.length === 0) return;
        params[cursorParam - 1] = rows.at(-1)!.__key;
        yield rows.map(({ __key: _key, ...record }) => record);
        if (rows.length < pageSize) return;
      }
    },
  };
}
