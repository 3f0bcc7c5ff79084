import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { REQUEST_STATUSES } from "@/lib/requests/lifecycle";
import en from "@/messages/en.json";
import { translator } from "./translator";

// Adding a language is adding messages/<locale>.json; these tests make sure it is complete.

// Compile time: the English file has a customer text for every status (a new status without one
// does not type-check).
const _everyStatusHasEnglishText: { readonly [S in RequestStatus]: { label: string; detail: string } } = en.status;

type Tree = { [key: string]: string | Tree };
const dir = path.join(process.cwd(), "messages");
const files = readdirSync(dir).filter((file) => file.endsWith(".json"));
const catalogs = Object.fromEntries(
  files.map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree]),
);

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, key: string): string | Tree | undefined {
  return key
    .split(".")
    .reduce<string | Tree | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);
}

describe("message files", () => {
  const english = keys(catalogs.en!);

  it("include English and German", () => {
    expect(Object.keys(catalogs)).toEqual(expect.arrayContaining(["en", "de"]));
  });

  it.each(Object.keys(catalogs))("%s has every key English has, and no others", (locale) => {
    const own = keys(catalogs[locale]!);
    expect(
      english.filter((key) => !own.includes(key)),
      `missing in messages/${locale}.json`,
    ).toEqual([]);
    expect(
      own.filter((key) => !english.includes(key)),
      `unknown in messages/${locale}.json`,
    ).toEqual([]);
    for (const key of own)
      expect(String(lookup(catalogs[locale]!, key)).trim(), `${locale}: ${key} is empty`).not.toBe("");
  });

  it.each(Object.keys(catalogs))("%s has a customer label and explanation for every request status", (locale) => {
    for (const status of REQUEST_STATUSES) {
      expect(typeof lookup(catalogs[locale]!, `status.${status}.label`), `${locale}: status.${status}.label`).toBe(
        "string",
      );
      expect(typeof lookup(catalogs[locale]!, `status.${status}.detail`), `${locale}: status.${status}.detail`).toBe(
        "string",
      );
    }
  });

  it.each(Object.keys(catalogs))("%s: every message is valid ICU and formats with its arguments", (locale) => {
    const t = translator(locale) as unknown as {
      (key: string, values?: Record<string, unknown>): string;
      markup(key: string, values: Record<string, unknown>): string;
    };
    const text = "x";
    const values = {
      ...Object.fromEntries(["count", "days", "minutes", "limit", "number"].map((name) => [name, 2])),
      ...Object.fromEntries(
        [
          "company",
          "email",
          "name",
          "reference",
          "type",
          "submitted",
          "due",
          "size",
          "date",
          "source",
          "state",
          "language",
          "first",
          "second",
          "range",
          "sources",
          "records",
          "dateTime",
          "authority",
          "authorityUrl",
          "original",
          "reason",
          "contact",
          "recipient",
          "country",
          "safeguard",
          "marker",
          "agent",
          "relationship",
          "sha256",
          "subject",
          "sender",
          "path",
        ].map((name) => [name, text]),
      ),
      ...Object.fromEntries(
        ["strong", "code", "rights", "outbox", "signin", "mail", "authorityLink", "to"].map((tag) => [
          tag,
          (chunks: string) => chunks,
        ]),
      ),
    };
    for (const key of english) {
      const formatted = t.markup(key, values);
      expect(formatted, `${locale}: ${key}`).not.toContain(key);
    }
  });
});
