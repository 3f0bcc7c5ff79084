import { describe, expect, it } from "vitest";
import {
  findEmails,
  findPhones,
  mayHoldOtherPeoplesData,
  nameCandidates,
  normalisePhone,
  withoutOverlaps,
  type OwnDetails,
} from "./detect";

const own: OwnDetails = { emails: new Set(["alex@example.com"]), phones: new Set(["+353871234567"]) };
const matched = (spans: { matched: string }[]) => spans.map((span) => span.matched);

describe("finding other people's email addresses", () => {
  it("finds every address but the subject's own, with offsets that slice the text back", () => {
    const text = "Copy casey@example.com and J.Doe+dsr@mail.example.co.uk, not ALEX@example.com.";
    const spans = findEmails(text, own);
    expect(matched(spans)).toEqual(["casey@example.com", "J.Doe+dsr@mail.example.co.uk"]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.matched);
  });

  it("ignores an address without a dotted domain", () => {
    expect(findEmails("root@localhost said hi", own)).toEqual([]);
  });
});

describe("finding other people's phone numbers", () => {
  it("finds numbers in international form in several notations", () => {
    const text = "Call +49 30 901820, or +44 20 7946 0958, or +1 (201) 555-0123.";
    expect(matched(findPhones(text, own))).toEqual(["+49 30 901820", "+44 20 7946 0958", "+1 (201) 555-0123"]);
  });

  it("finds national numbers of the default country only when it is given", () => {
    const text = "Her mobile is 030 901820.";
    expect(findPhones(text, own)).toEqual([]);
    expect(matched(findPhones(text, own, "DE"))).toEqual(["030 901820"]);
  });

  it("leaves out the subject's own number, however it is written", () => {
    expect(findPhones("Reach me at +353 87 123 4567 or 087 123 4567", own, "IE")).toEqual([]);
    expect(normalisePhone("087 123 4567", "IE")).toBe("+353871234567");
  });

  it("does not take dates, order numbers or amounts for phone numbers", () => {
    expect(findPhones("Order 2024-03-05T10:00:00Z #123456 for 12.50 EUR (message 3).", own, "DE")).toEqual([]);
  });
});

describe("candidate names", () => {
  it("offers every run of two or three capitalised words", () => {
    expect(matched(nameCandidates("Hello, I sent it to Casey Kim and Mary Ann Jones."))).toEqual([
      "Casey Kim",
      "Mary Ann",
      "Mary Ann Jones",
      "Ann Jones",
    ]);
    expect(matched(nameCandidates("Siobhán O'Brien-Murphy wrote"))).toEqual(["Siobhán O'Brien-Murphy"]);
  });

  it("offers nothing for single words or lower-case text", () => {
    expect(nameCandidates("Hello, my payout is delayed. Thanks")).toEqual([]);
  });
});

describe("overlapping spans", () => {
  it("keeps the earlier and longer one", () => {
    const spans = withoutOverlaps([
      { kind: "NAME", start: 5, end: 13, matched: "Mary Ann" },
      { kind: "NAME", start: 5, end: 19, matched: "Mary Ann Jones" },
      { kind: "PHONE", start: 30, end: 40, matched: "x" },
    ]);
    expect(matched(spans)).toEqual(["Mary Ann Jones", "x"]);
  });
});

describe("the raw-line pre-check", () => {
  const line = (body: string) => JSON.stringify({ ticket_id: 12, sent_at: "2024-03-05T06:07:08.123456+00:00", body });

  it("lets a record with nothing to find skip parsing, dates and short numbers included", () => {
    expect(mayHoldOtherPeoplesData(line("Hello, my payout #1234 is delayed (message 3)."), true)).toBe(false);
  });

  it("never skips a record that holds an address, a number, a possible name or an escape", () => {
    for (const body of ["mail casey@example.com", "call 030 901820", "ask Casey Kim"])
      expect(mayHoldOtherPeoplesData(line(body), true), body).toBe(true);
    // "André Kim" as a JSON producer that escapes non-ASCII writes it.
    expect(mayHoldOtherPeoplesData(String.raw`{"body":"ask Andr\u00e9 kim"}`, true)).toBe(true);
    expect(mayHoldOtherPeoplesData(line("ask Casey Kim"), false)).toBe(false);
  });
});
