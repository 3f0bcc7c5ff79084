import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { CopyBinaryReader } from "@/lib/database/copy-binary";
import { SerializedRowWriter, type CellKind } from "@/lib/export/serialized-rows";
import type { SerializedPage } from "./types";

// The fast path of a SQL source (issue #11): PostgreSQL writes each row's JSON line itself
// (row_to_json over the allowed columns, on the database's core) and sends it beside each CSV
// cell's text in one binary COPY; the portal copies bytes (serialized-rows.ts) instead of turning
// a million rows into JavaScript values and back. Each column is rendered in SQL exactly as the
// record path renders the value node-postgres would give it (sql-serialize.int.test.ts compares
// the two byte for byte), so only types whose rendering is known take this path; a source with
// any other column type (float, date, arrays…) keeps the record path.

/** A source's SELECT: field → column expression, FROM, WHERE (with $n placeholders) and the key to order by. */
export type SerializableSelect = {
  columns: Record<string, string>;
  from: string;
  conditions: string[];
  params: unknown[];
  key: string;
};

type ColumnRendering = {
  /** The column as row_to_json should see it. */
  json(expression: string): string;
  /** The CSV cell's text, from the column as rendered for JSON (`r."field"`). */
  cell(column: string): string;
  kind: CellKind;
};

const asIs = (expression: string) => expression;
const asText = (expression: string) => `${expression}::text`;

/** What the record path writes for a timestamptz: toISOString() of the instant, milliseconds truncated. */
function isoTimestamp(expression: string): string {
  const utc = `(${expression} AT TIME ZONE 'UTC')`;
  const year = `extract(year FROM ${utc})::int`;
  // Years past 9999 and before year 1 are written with a sign and six digits, as toISOString
  // does; 1 BC is year 0 there. Beyond what a JavaScript Date holds, the record path has null.
  return `CASE WHEN NOT isfinite(${expression}) OR ${expression} > '275760-09-13 00:00:00+00' THEN NULL
    WHEN ${year} BETWEEN 1 AND 9999 THEN to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ELSE (CASE WHEN ${year} > 9999 THEN '+' || lpad(${year}::text, 6, '0')
               WHEN ${year} = -1 THEN '0000'
               ELSE '-' || lpad((-${year} - 1)::text, 6, '0') END) || to_char(${utc}, '-MM-DD"T"HH24:MI:SS.MS"Z"') END`;
}

const TEXT: ColumnRendering = { json: asIs, cell: asText, kind: "text" };
/** Numbers node-postgres reads as JavaScript numbers: a JSON number, and a CSV cell written as is. */
const SMALL_NUMBER: ColumnRendering = { json: asIs, cell: asText, kind: "raw" };
/** bigint and numeric: node-postgres reads them as strings (no precision lost), so they are strings here too. */
const DECIMAL_TEXT: ColumnRendering = {
  json: asText,
  cell: asIs,
  kind: "text",
};

/**
 * jsonb: PostgreSQL's own JSON text (exact numbers, its key order). In CSV a string is written
 * without its JSON quotes and a number or boolean as is, as the record path does.
 */
const JSONB: ColumnRendering = {
  json: asIs,
  cell: (column) => `CASE jsonb_typeof(${column}) WHEN 'string' THEN 's' || (${column} #>> '{}')
    WHEN 'number' THEN 'r' || ${column}::text WHEN 'boolean' THEN 'r' || ${column}::text
    WHEN 'null' THEN NULL ELSE 's' || ${column}::text END`,
  kind: "json",
};

/** Renderings by type OID (pg_type.oid, fixed for built-in types). */
const RENDERINGS = new Map<number, ColumnRendering>([
  [16, { json: asIs, cell: asText, kind: "raw" }], // boolean: true/false
  [20, DECIMAL_TEXT], // int8
  [21, SMALL_NUMBER], // int2
  [23, SMALL_NUMBER], // int4
  [1700, DECIMAL_TEXT], // numeric
  [25, TEXT], // text
  [1043, TEXT], // varchar
  [2950, TEXT], // uuid
  // char(n): its padding is part of the value node-postgres returns; a cast to text would trim it.
  [1042, { json: asIs, cell: (column) => `concat(${column})`, kind: "text" }],
  [1184, { json: isoTimestamp, cell: asIs, kind: "text" }], // timestamptz
  [3802, JSONB], // jsonb
  // json: as jsonb, so a json_agg's line breaks cannot split a JSON line (keys in jsonb's order).
  [114, { ...JSONB, json: (expression) => `${expression}::jsonb` }],
]);
const NOT_SELECTED: ColumnRendering = {
  json: () => "NULL",
  cell: () => "NULL",
  kind: "raw",
};

const identifier = (name: string) => pg.escapeIdentifier(name);

/** The conditions with their parameters written in as literals: COPY takes no bind parameters. */
function inlineParameters(conditions: string[], params: unknown[]): string[] {
  const literal = (value: unknown) =>
    value === null || value === undefined
      ? "NULL"
      : pg.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
  return conditions.map((condition) =>
    condition.replace(/\$(\d+)(?!\d)/g, (_, n: string) => literal(params[Number(n) - 1])),
  );
}

/** Each selected column's type OID, from a query that returns no rows. */
async function columnTypes(pool: pg.Pool, select: SerializableSelect): Promise<Map<string, number>> {
  const expressions = Object.entries(select.columns).map(
    ([field, expression]) => `${expression} AS ${identifier(field)}`,
  );
  const result = await pool.query({
    text: `SELECT ${expressions.join(", ")} FROM ${select.from} LIMIT 0`,
    rowMode: "array",
  });
  return new Map(result.fields.map((field) => [field.name, field.dataTypeID]));
}

/**
 * The source's rows as staged bytes, or undefined when a column's type has no known rendering
 * (the caller then serialises the records). `fields` is the allow-list in declared order: the
 * JSON keys and CSV columns; a declared field the query does not select is null.
 */
export async function serializeSqlRows(
  pool: pg.Pool,
  select: SerializableSelect,
  fields: readonly string[],
  options: { csv: boolean; signal?: AbortSignal },
): Promise<AsyncIterable<SerializedPage> | undefined> {
  const types = await columnTypes(pool, select);
  const renderings: ColumnRendering[] = [];
  for (const field of fields) {
    const rendering = field in select.columns ? RENDERINGS.get(types.get(field) ?? -1) : NOT_SELECTED;
    if (!rendering) return undefined;
    renderings.push(rendering);
  }
  const columns = fields.map(
    (field, index) => `${renderings[index]!.json(select.columns[field] ?? "NULL")} AS ${identifier(field)}`,
  );
  const cells = options.csv ? fields.map((field, index) => renderings[index]!.cell(`r.${identifier(field)}`)) : [];
  // OFFSET 0 keeps the inner query whole, so each column expression runs once per row.
  const sql = `COPY (SELECT row_to_json(r)::text${cells.map((cell) => `, ${cell}`).join("")}
                 FROM (SELECT ${columns.join(", ")} FROM ${select.from}
                        WHERE ${inlineParameters(select.conditions, select.params).join(" AND ")}
                        ORDER BY ${select.key} OFFSET 0) r) TO STDOUT (FORMAT binary)`;
  return copiedRows(pool, sql, options.csv ? renderings.map((rendering) => rendering.kind) : undefined, options.signal);
}

async function* copiedRows(
  pool: pg.Pool,
  sql: string,
  cells: CellKind[] | undefined,
  signal?: AbortSignal,
): AsyncGenerator<SerializedPage> {
  const client = await pool.connect();
  let healthy = false;
  const copy = client.query(copyTo(sql));
  // A connection that dies mid-COPY (a restart, pg_terminate_backend) is reported on the client,
  // which the pool stops listening to while it is checked out: end the COPY with it, or the
  // error would end the process and the read would wait forever.
  const lost = (error: Error) => copy.destroy(error);
  client.on("error", lost);
  try {
    const reader = new CopyBinaryReader();
    const writer = new SerializedRowWriter(cells);
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      if (reader.read(chunk, writer.write) > 0) yield writer.take();
    }
    if (!reader.ended) throw new Error("The COPY of a source ended before its last row");
    healthy = true;
  } finally {
    client.off("error", lost);
    // A COPY stopped half way leaves the connection mid-protocol: close it rather than reuse it.
    client.release(!healthy);
  }
}
