import type { ExportRecord } from "@/lib/sources/types";

// The free-text values of a record, by the paths a source declares (DataSource.freeTextFields):
// "body" is a field; "messages[].body" is the `body` of each object in the array `messages`. A
// value found is named by its concrete path ("messages[2].body"), which is how a finding points
// back at it when the archive is redacted.

export type DeclaredPath = { field: string; item?: string };

const DECLARED = /^([A-Za-z_][\w]*)(?:\[\]\.([A-Za-z_][\w]*))?$/;
const CONCRETE = /^([A-Za-z_][\w]*)(?:\[(\d+)\]\.([A-Za-z_][\w]*))?$/;

/** A declared free-text path, checked: "subject" or "messages[].body". Throws on anything else. */
export function parseFreeTextPath(path: string): DeclaredPath {
  const match = DECLARED.exec(path);
  if (!match)
    throw new Error(
      `"${path}" is not a free-text path: name a field ("body") or an array's field ("messages[].body").`,
    );
  return match[2] ? { field: match[1]!, item: match[2] } : { field: match[1]! };
}

export type FreeText = { path: string; text: string };

/** The record's strings at the declared paths. Values that are not strings (null, numbers) hold no free text. */
export function freeTextsOf(record: ExportRecord, paths: readonly DeclaredPath[]): FreeText[] {
  const texts: FreeText[] = [];
  for (const { field, item } of paths) {
    const value = Object.hasOwn(record, field) ? record[field] : undefined;
    if (item === undefined) {
      if (typeof value === "string") texts.push({ path: field, text: value });
      continue;
    }
    if (!Array.isArray(value)) continue;
    value.forEach((element: unknown, index) => {
      const text =
        element !== null && typeof element === "object" ? (element as Record<string, unknown>)[item] : undefined;
      if (typeof text === "string") texts.push({ path: `${field}[${index}].${item}`, text });
    });
  }
  return texts;
}

/**
 * Replaces the string at the concrete `path` of `record` with `replace(text)`, in place. Throws
 * when there is no string there: a finding that no longer matches its record must never be
 * released silently.
 */
export function replaceFreeText(record: ExportRecord, path: string, replace: (text: string) => string): void {
  const match = CONCRETE.exec(path);
  if (!match) throw new Error(`"${path}" is not a concrete free-text path.`);
  const [, field, index, item] = match;
  const value = Object.hasOwn(record, field!) ? record[field!] : undefined;
  if (index === undefined) {
    if (typeof value !== "string") throw new Error(`The record has no text at "${path}".`);
    record[field!] = replace(value);
    return;
  }
  const element: unknown = Array.isArray(value) ? value[Number(index)] : undefined;
  const text =
    element !== null && typeof element === "object" ? (element as Record<string, unknown>)[item!] : undefined;
  if (typeof text !== "string") throw new Error(`The record has no text at "${path}".`);
  (element as Record<string, unknown>)[item!] = replace(text);
}
