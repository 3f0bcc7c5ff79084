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

  it("asks the resolver once per page, only about distinct candidates, and not at all without any", async () => {
    const { lookups } = await scanned(
      pagesOf([ticket("Hello Sam Rivera", "Sam Rivera again")], [ticket("refund", "no names here")]),
      {},
    );
    expect(lookups).toEqual([["hello sam", "hello sam rivera", "sam rivera"]]);
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
