import { readFileSync } from "node:fs";

// Just enough of a Prisma schema reader to compare the schema with a migrated database: models,
// their scalar and enum fields, uniques, indexes and relations. The Prisma CLI's own reader needs
// the schema engine, which cannot be installed on every machine.

export type SchemaField = {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  unique: boolean;
  id: boolean;
};
export type SchemaModel = {
  name: string;
  fields: SchemaField[];
  uniques: string[][];
  indexes: string[][];
  relations: { fields: string[]; model: string; references: string[] }[];
};
export type PrismaSchema = { models: SchemaModel[]; enums: Map<string, string[]> };

const blocks = (source: string, kind: string) =>
  [...source.matchAll(new RegExp(`^${kind}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm"))].map((m) => ({
    name: m[1]!,
    body: m[2]!,
  }));

const lines = (body: string) =>
  body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter(Boolean);

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function readPrismaSchema(file = "prisma/schema.prisma"): PrismaSchema {
  const source = readFileSync(file, "utf8");
  const enums = new Map(blocks(source, "enum").map((e) => [e.name, lines(e.body)]));
  const modelNames = new Set(blocks(source, "model").map((m) => m.name));
  const models = blocks(source, "model").map(({ name, body }) => {
    const model: SchemaModel = { name, fields: [], uniques: [], indexes: [], relations: [] };
    for (const line of lines(body)) {
      const attribute = line.match(/^@@(unique|index|id)\(\[([^\]]+)\]/);
      if (attribute) {
        (attribute[1] === "index" ? model.indexes : model.uniques).push(list(attribute[2]!));
        continue;
      }
      const field = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!field) continue;
      const [, fieldName = "", type = "", isList, isOptional, rest = ""] = field;
      const relation = rest.match(/@relation\([^)]*fields:\s*\[([^\]]+)\],\s*references:\s*\[([^\]]+)\]/);
      if (relation) model.relations.push({ fields: list(relation[1]!), model: type, references: list(relation[2]!) });
      if (modelNames.has(type)) continue; // a relation field, not a column
      model.fields.push({
        name: fieldName,
        type,
        list: Boolean(isList),
        optional: Boolean(isOptional),
        unique: /@unique\b/.test(rest),
        id: /@id\b/.test(rest),
      });
    }
    return model;
  });
  return { models, enums };
}
