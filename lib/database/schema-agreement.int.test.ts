import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { readPrismaSchema } from "@/test/prisma-schema";

// The migrations are written by hand (the Prisma schema engine cannot be installed everywhere),
// so this test is what keeps them in step with prisma/schema.prisma.

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
};

const schema = readPrismaSchema();
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(() => client.connect());
afterAll(() => client.end());

type Column = {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
};

async function columns(): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  return rows;
}

/** Column lists of every index on a table, e.g. ["requestId,sourceKey"], with uniqueness. */
async function indexes(table: string): Promise<{ columns: string; unique: boolean }[]> {
  const { rows } = await client.query<{ columns: string; unique: boolean }>(
    `SELECT string_agg(a.attname, ',' ORDER BY k.ord) AS columns, i.indisunique AS unique
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname = $1
      GROUP BY i.indexrelid, i.indisunique`,
    [table],
  );
  return rows;
}

describe("the migrated database matches prisma/schema.prisma", () => {
  it("has one table per model and no other", async () => {
    const tables = new Set((await columns()).map((c) => c.table_name));
    tables.delete("_prisma_migrations");
    expect([...tables].sort()).toEqual(schema.models.map((m) => m.name).sort());
  });

  it("has every enum with the same values", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.values]))).toEqual(Object.fromEntries(schema.enums));
  });

  for (const model of schema.models) {
    it(`${model.name}: columns, types, nullability, keys and relations`, async () => {
      const actual = (await columns()).filter((c) => c.table_name === model.name);
      const describe = (c: { name: string; type: string; nullable: boolean }) =>
        `${c.name} ${c.type}${c.nullable ? "?" : ""}`;
      const expected = model.fields.map((f) => {
        const base = SCALAR_TYPES[f.type] ?? f.type; // an enum keeps its own name
        return describe({ name: f.name, type: f.list ? `${base}[]` : base, nullable: f.optional || f.list });
      });
      const found = actual.map((c) => {
        const base = c.data_type === "USER-DEFINED" ? c.udt_name : c.data_type;
        // Arrays report their element type as the udt name with a leading underscore: _text.
        const type = c.data_type === "ARRAY" ? `${c.udt_name.slice(1)}[]` : base;
        return describe({ name: c.column_name, type, nullable: c.is_nullable === "YES" });
      });
      expect(found.sort()).toEqual(expected.sort());

      const onTable = await indexes(model.name);
      const has = (cols: string[], unique: boolean) =>
        onTable.some((i) => i.columns === cols.join(",") && (!unique || i.unique));
      for (const field of model.fields.filter((f) => f.unique || f.id))
        expect(has([field.name], true), `unique ${field.name}`).toBe(true);
      for (const cols of model.uniques) expect(has(cols, true), `unique ${cols}`).toBe(true);
      for (const cols of model.indexes) expect(has(cols, false), `index ${cols}`).toBe(true);

      for (const relation of model.relations) {
        const { rowCount } = await client.query(
          `SELECT 1 FROM information_schema.table_constraints tc
             JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = $1 AND ccu.table_name = $2`,
          [model.name, relation.model],
        );
        expect(rowCount, `foreign key ${model.name} → ${relation.model}`).toBeGreaterThan(0);
      }
    });
  }
});
