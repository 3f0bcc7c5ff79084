import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

// Art. 15(4) GDPR: the right to a copy "shall not adversely affect the rights and freedoms of
// others". What in a free-text value looks like another person's data: email addresses and phone
// numbers (other than the subject's own), and runs of two or three words that might be a full
// name (names.ts), which only count once the company's resolver says a customer of that name
// exists (scan-pages.ts).

export type DisclosureKind = "EMAIL" | "PHONE" | "NAME";

/** A span of `text`, in UTF-16 code units (String.prototype.slice), end exclusive. */
export type Span = { kind: DisclosureKind; start: number; end: number; matched: string };

/** The subject's own details: never another person's data. */
export type OwnDetails = {
  /** Lower-cased email addresses. */
  emails: ReadonlySet<string>;
  /** Phone numbers in E.164 ("+353871234567"). */
  phones: ReadonlySet<string>;
};

// The HTML Standard's "valid email address" (html.spec.whatwg.org, input type=email), with a dot
// required in the domain so that "user@localhost" in a log line is not flagged.
const EMAIL =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/g;

export function findEmails(text: string, own: OwnDetails): Span[] {
  if (!text.includes("@")) return []; // the pattern backtracks over every word of a text without one
  const spans: Span[] = [];
  for (const match of text.matchAll(EMAIL)) {
    if (own.emails.has(match[0].toLowerCase())) continue;
    spans.push({ kind: "EMAIL", start: match.index, end: match.index + match[0].length, matched: match[0] });
  }
  return spans;
}

// ISO dates and timestamps read as national phone numbers ("2024-03-05" as +49 2024 0305): blank
// them out first, keeping every offset.
const ISO_DATE = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?/g;

/** Six digits or more, at most two separators apart ("(201) 555-0123", "+49 30 901820"): what any number needs. */
const DIGIT_RUN = /\d(?:[\s().\-/]{0,2}\d){5,}/;

/**
 * Phone numbers, found and validated by libphonenumber-js (Google's libphonenumber metadata):
 * numbers in international form anywhere, and national ones of `defaultCountry` when given.
 */
export function findPhones(text: string, own: OwnDetails, defaultCountry?: CountryCode): Span[] {
  const masked = text.replace(ISO_DATE, (date) => " ".repeat(date.length));
  // libphonenumber's search costs ~0.1 ms a text; most free text has no run of digits long enough.
  if (!DIGIT_RUN.test(masked)) return [];
  const spans: Span[] = [];
  for (const found of findPhoneNumbersInText(masked, defaultCountry ? { defaultCountry } : undefined)) {
    if (!found.number.isValid() || own.phones.has(found.number.number)) continue;
    spans.push({
      kind: "PHONE",
      start: found.startsAt,
      end: found.endsAt,
      matched: text.slice(found.startsAt, found.endsAt),
    });
  }
  return spans;
}

/** A phone number in E.164, for comparing the subject's own; undefined when it is not one. */
export function normalisePhone(phone: string, defaultCountry?: CountryCode): string | undefined {
  return parsePhoneNumberFromString(phone, defaultCountry)?.number;
}

/** Spans that overlap an earlier one are dropped (an email's digits are not also a phone number). */
export function withoutOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const previous = kept.at(-1);
    if (previous && span.start < previous.end) continue;
    kept.push(span);
  }
  return kept;
}

/**
 * Whether a record's raw JSON line could hold an email address or a phone number: an "@" or a
 * run of six digits outside ISO dates. False lets the scan skip parsing the line unless it names
 * a customer (scan-pages.ts). A line with JSON \u escapes is always parsed, since an escaped
 * character could hide what the patterns look for.
 */
export function mayHoldContactDetails(line: string): boolean {
  if (line.includes("@") || line.includes("\\u")) return true;
  return DIGIT_RUN.test(line.replace(ISO_DATE, " "));
}
