import { describe, expect, it } from "vitest";
import {
  findEmails,
  findPhones,
  mayHoldContactDetails,
  normalisePhone,
  withoutOverlaps,
  type OwnDetails,
} from "./detect";
import { foldForNames, foldName, nameCandidates, nameKeys } from "./names";

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
  it("offers every run of two or three words, in any case", () => {
    expect(matched(nameCandidates("to Casey Kim and mary ann jones.")).sort()).toEqual([
      "Casey Kim",
      "Casey Kim and",
      "Kim and",
      "Kim and mary",
      "and mary",
      "and mary ann",
      "ann jones",
      "mary ann",
      "mary ann jones",
      "to Casey",
      "to Casey Kim",
    ]);
    expect(matched(nameCandidates("Siobhán O'Brien-Murphy wrote")).sort()).toEqual([
      "O'Brien-Murphy wrote",
      "Siobhán O'Brien-Murphy",
      "Siobhán O'Brien-Murphy wrote",
    ]);
  });

  it("never offers a lone word, and no run across punctuation, a line break, a digit or a one-letter word", () => {
    for (const text of ["Casey", "Casey, Kim", "Casey\nKim", "Casey  Kim", "Casey2 Kim", "Casey K Kim", "Casey-"])
      expect(nameCandidates(text), JSON.stringify(text)).toEqual([]);
  });

  it("matches a stored name whatever its case and accents, word for word", () => {
    const stored = new Set(["Anna Schmidt", "Jürgen Müller"].map(foldName));
    const found = (text: string) => matched(nameCandidates(text, stored));
    expect(found("please ask anna schmidt")).toEqual(["anna schmidt"]);
    expect(found("ANNA SCHMIDT, Anna Schmidt and anna Schmidt")).toEqual([
      "ANNA SCHMIDT",
      "Anna Schmidt",
      "anna Schmidt",
    ]);
    expect(found("jurgen muller paid, Jürgen Müller too")).toEqual(["jurgen muller", "Jürgen Müller"]);
    // A possessive is the name without its "'s", which stays in the text.
    expect(found("it is Anna Schmidt's card, jurgen muller’s too")).toEqual(["Anna Schmidt", "jurgen muller"]);
    // Word-bounded: part of a longer word is no name.
    expect(found("joanna schmidtke and hanna schmidt")).toEqual([]);
    // A given name alone never matches, however common.
    expect(found("anna wrote, then Schmidt")).toEqual([]);
  });

  it("reports the span of the original text when NFD and NFC spell the same name in different lengths", () => {
    const stored = new Set([foldName("Jürgen Müller"), foldName("Renée Dubé")]);
    const nfc = "Ask Jürgen Müller or Renée Dubé.".normalize("NFC");
    const nfd = "Ask Jürgen Müller or Renée Dubé.".normalize("NFD");
    expect(nfd.length).toBe(nfc.length + 4);
    for (const text of [nfc, nfd]) {
      const spans = nameCandidates(text, stored);
      expect(matched(spans)).toEqual([
        "Jürgen Müller".normalize(text === nfc ? "NFC" : "NFD"),
        "Renée Dubé".normalize(text === nfc ? "NFC" : "NFD"),
      ]);
      for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.matched);
      // The combining acute after the last e (NFD) is part of the name: a redaction leaves no stray accent.
      expect(text.slice(spans[1]!.end)).toBe(".");
    }
    expect(nameCandidates(nfd, stored)[0]).toMatchObject({
      start: 4,
      end: 4 + "Jürgen Müller".normalize("NFD").length,
    });
  });

  it("folds NFC and NFD alike, and keeps offsets where folding keeps them", () => {
    expect(foldName("Jürgen Müller".normalize("NFD"))).toBe("jurgen muller");
    expect(foldName("Jürgen Müller".normalize("NFC"))).toBe("jurgen muller");
    expect(foldForNames("Casey KIM")).toEqual({ text: "Casey KIM", folded: "casey kim" });
    expect(nameKeys(foldName("Hello Sam Rivera"))).toEqual(["hello sam", "sam rivera", "hello sam rivera"]);
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

describe("the raw-line pre-check for contact details", () => {
  const line = (body: string) => JSON.stringify({ ticket_id: 12, sent_at: "2024-03-05T06:07:08.123456+00:00", body });

  it("lets a record with no address or number skip parsing, dates and short numbers included", () => {
    expect(mayHoldContactDetails(line("Hello Casey Kim, my payout #1234 is delayed (message 3)."))).toBe(false);
  });

  it("never skips a record that holds an address, a number or an escape", () => {
    for (const body of ["mail casey@example.com", "call 030 901820"])
      expect(mayHoldContactDetails(line(body)), body).toBe(true);
    expect(mayHoldContactDetails(String.raw`{"body":"mail casey\u0040example.com"}`)).toBe(true);
  });
});
