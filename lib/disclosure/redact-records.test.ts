import { describe, expect, it } from "vitest";
import type { ExportRecord } from "@/lib/sources/types";
import { redactedRecords, redactText, type Redaction } from "./redact-records";

const MARKER = "[redacted]";

async function* recordsOf(records: ExportRecord[]): AsyncGenerator<ExportRecord> {
  yield* records;
}

async function all(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const span = (recordIndex: number, path: string, text: string, matched: string): Redaction => {
  const start = text.indexOf(matched);
  return { recordIndex, path, start, end: start + matched.length, matched };
};

describe("redacting other people's data at release", () => {
  it("replaces several spans of one text, keeping the text around them", () => {
    const text = "Ask casey@example.com or +49 30 901820 today";
    const redacted = redactText(
      text,
      [span(0, "body", text, "+49 30 901820"), span(0, "body", text, "casey@example.com")],
      MARKER,
    );
    expect(redacted).toBe("Ask [redacted] or [redacted] today");
  });

  it("redacts the right record and path, in top-level fields and inside message arrays", async () => {
    const body = "Casey Kim paid";
    const records = [
      { ticket_id: 1, subject: "Hi", messages: [{ body: "fine" }] },
      { ticket_id: 2, subject: "About Casey Kim", messages: [{ body: "ok" }, { body }] },
    ];
    const redactions = [
      span(1, "subject", "About Casey Kim", "Casey Kim"),
      span(1, "messages[1].body", body, "Casey Kim"),
    ];
    expect(await all(redactedRecords(recordsOf(records), redactions, MARKER))).toEqual([
      { ticket_id: 1, subject: "Hi", messages: [{ body: "fine" }] },
      { ticket_id: 2, subject: "About [redacted]", messages: [{ body: "ok" }, { body: "[redacted] paid" }] },
    ]);
  });

  it("refuses a record whose text no longer holds what was found, or a redaction with no record", async () => {
    const records = [{ subject: "About Sam Rivera" }];
    await expect(
      all(
        redactedRecords(
          recordsOf(records),
          [{ recordIndex: 0, path: "subject", start: 6, end: 15, matched: "Casey Kim" }],
          MARKER,
        ),
      ),
    ).rejects.toThrow(/no longer holds/);
    await expect(
      all(
        redactedRecords(
          recordsOf(records),
          [{ recordIndex: 3, path: "subject", start: 0, end: 1, matched: "A" }],
          MARKER,
        ),
      ),
    ).rejects.toThrow(/record 3/);
    await expect(
      all(
        redactedRecords(
          recordsOf(records),
          [{ recordIndex: 0, path: "messages[0].body", start: 0, end: 1, matched: "A" }],
          MARKER,
        ),
      ),
    ).rejects.toThrow(/no text/);
  });
});
