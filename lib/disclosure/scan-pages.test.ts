import { describe, expect, it } from "vitest";
import type { SerializedPage } from "@/lib/sources/types";
import { scanningPages, type DisclosureScan, type Finding } from "./scan-pages";

async function* pagesOf(...pages: object[][]): AsyncGenerator<SerializedPage> {
  for (const records of pages)
    yield {
      records: records.length,
      json: Buffer.from(records.map((record) => JSON.stringify(record) + "\n").join("")),
    };
}

async function scanned(pages: AsyncIterable<SerializedPage>, scan: Partial<DisclosureScan>) {
  const findings: Finding[] = [];
  const lookups: string[][] = [];
  const passed: SerializedPage[] = [];
  const customers = ["casey kim"];
  for await (const page of scanningPages(pages, {
    freeTextFields: ["subject", "messages[].body"],
    own: { emails: new Set(["alex@example.com"]), phones: new Set() },
    findOtherCustomersNamed: async (names) => {
      lookups.push(names);
      return names.filter((name) => customers.includes(name));
    },
    keep: async (page) => void findings.push(...page),
    ...scan,
  }))
    passed.push(page);
  return { findings, lookups, passed };
}

describe("scanning a source's pages for other people's data", () => {
  const ticket = (subject: string, ...bodies: string[]) => ({
    ticket_id: 1,
    subject,
    messages: bodies.map((body) => ({ author: "customer", body })),
  });

  it("points each finding at its record and path, with context, and passes the pages through unchanged", async () => {
    const pages = [
      [ticket("Refund", "Hi")],
      [ticket("Card", "Fine"), ticket("Payout for Casey Kim", "Hi", "Mail casey@example.com or alex@example.com")],
    ];
    const { findings, passed } = await scanned(pagesOf(...pages), {});
    expect(passed.map((page) => page.records)).toEqual([1, 2]);
    expect(
      findings.map(({ kind, recordIndex, path, matched, before }) => ({ kind, recordIndex, path, matched, before })),
    ).toEqual([
      { kind: "NAME", recordIndex: 2, path: "subject", matched: "Casey Kim", before: "Payout for " },
      { kind: "EMAIL", recordIndex: 2, path: "messages[1].body", matched: "casey@example.com", before: "Mail " },
    ]);
    expect(findings[1]!.after).toBe(" or alex@example.com");
  });

  it("marks with … only the side where the text goes on beyond the context", async () => {
    const long = `${"a".repeat(50)} mail casey@example.com ${"b".repeat(50)}`;
    const { findings } = await scanned(pagesOf([ticket("Mail casey@example.com.", long)]), {});
    expect(findings.map(({ before, after }) => [before, after])).toEqual([
      ["Mail ", "."],
      [`…${"a".repeat(34)} mail `, ` ${"b".repeat(39)}…`],
    ]);
  });

  it("asks the resolver once per page, only about distinct candidates, and not at all without any", async () => {
    const { lookups } = await scanned(
      pagesOf([ticket("Hello Sam Rivera", "sam rivera again")], [ticket("Refund", "ok #2")]),
      {},
    );
    expect(lookups.map((names) => names.sort())).toEqual([
      ["hello sam", "hello sam rivera", "rivera again", "sam rivera", "sam rivera again"],
    ]);
  });

  it("finds a customer's name in any case and without its accents, with the span of the text as written", async () => {
    const body = "Her name is\nCASEY KIM, or jurgen muller; Jürgen Müller in NFD.".normalize("NFD");
    const { findings } = await scanned(pagesOf([ticket("Refund", "Hi", body)]), {
      findOtherCustomersNamed: async (names) => names.filter((name) => ["casey kim", "jurgen muller"].includes(name)),
    });
    expect(findings.map(({ path, matched }) => [path, matched])).toEqual([
      ["messages[1].body", "CASEY KIM"],
      ["messages[1].body", "jurgen muller"],
      ["messages[1].body", "Jürgen Müller".normalize("NFD")],
    ]);
    for (const finding of findings) expect(body.slice(finding.start, finding.end)).toBe(finding.matched);
  });

  it("finds a name behind a JSON \\u escape, and none in a field that is not free text", async () => {
    const escaped = String.raw`{"ticket_id":1,"subject":"ask j\u00fcrgen m\u00fcller","status":"Casey Kim","messages":[]}`;
    const page = { records: 1, json: escaped + "\n" };
    const { findings } = await scanned(
      (async function* () {
        yield page;
      })(),
      {
        findOtherCustomersNamed: async (names) => names.filter((name) => ["casey kim", "jurgen muller"].includes(name)),
      },
    );
    expect(findings.map(({ path, matched }) => [path, matched])).toEqual([["subject", "jürgen müller"]]);
  });

  it("ignores fields that are not declared free text, and finds no names without the resolver", async () => {
    const { findings } = await scanned(
      pagesOf([{ ticket_id: 1, status: "casey@example.com", subject: "Casey Kim", messages: [] }]),
      {
        findOtherCustomersNamed: undefined,
      },
    );
    expect(findings).toEqual([]);
  });
});
