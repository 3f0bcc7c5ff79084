import type { CountryCode } from "libphonenumber-js/max";
import type { ExportRecord, SerializedPage } from "@/lib/sources/types";
import { findEmails, findPhones, mayHoldContactDetails, withoutOverlaps, type OwnDetails, type Span } from "./detect";
import { foldForNames, foldName, nameCandidates, nameKeys } from "./names";
import { freeTextsOf, parseFreeTextPath, type DeclaredPath, type FreeText } from "./free-text";

// The collect step's Art. 15(4) pass: the staged pages of a source that declares free-text fields
// go through here on their way to staging, so the text is read where it already is (the NDJSON
// lines PostgreSQL or the projector wrote), one page at a time, without a second query to the
// source or a second read of the staged file. A page's names are looked up in one call to the
// company's resolver. Cost: a scan of each raw line's words for possible names and a cheap look
// for addresses and numbers, then JSON.parse and the detectors only for lines that could hold
// something (docs/art-15-4-review.md: about 60 ms per 10 000 records); sources without free text
// pay nothing.

/** Another person's data in the subject's free text, and where it is. */
export type Finding = Span & {
  /** The record's position in the source's data file, from 0. */
  recordIndex: number;
  /** The concrete path of the text ("messages[2].body"). */
  path: string;
  /** Up to CONTEXT_CHARS of the text either side, with "…" where the text goes on beyond them. */
  before: string;
  after: string;
};

export type DisclosureScan = {
  /** The source's declared free-text paths. */
  freeTextFields: readonly string[];
  own: OwnDetails;
  /** The country whose national phone format is recognised (international numbers always are). */
  defaultCountry?: CountryCode;
  /** Which of `names` are other customers' full names (the company's resolver); absent: names are not looked for. */
  findOtherCustomersNamed?: (names: string[]) => Promise<string[]>;
  /** Keeps one page's findings (never called with none). */
  keep: (findings: Finding[]) => Promise<void>;
};

const CONTEXT_CHARS = 40;

/** Passes `pages` through unchanged, handing the other people's data found in them to `scan.keep`. */
export async function* scanningPages(
  pages: AsyncIterable<SerializedPage>,
  scan: DisclosureScan,
): AsyncGenerator<SerializedPage> {
  const paths = scan.freeTextFields.map(parseFreeTextPath);
  let recordIndex = 0;
  for await (const page of pages) {
    const lines = [...linesOf(page)];
    const names = await otherCustomersNamedIn(lines, paths, scan);
    const texts: Array<FreeText & { recordIndex: number }> = [];
    lines.forEach((line, index) => {
      // Most records hold nothing any detector could find: those are counted, not parsed.
      if (!mayHoldContactDetails(line) && !names.mentionedIn(index)) return;
      for (const text of freeTextsOf(JSON.parse(line) as ExportRecord, paths))
        texts.push({ ...text, recordIndex: recordIndex + index });
    });
    recordIndex += lines.length;
    const findings = findingsIn(texts, scan, names.known);
    if (findings.length > 0) await scan.keep(findings);
    yield page;
  }
}

/** A page's NDJSON lines, one record each: every line break ends one record (lib/export/staging.ts). */
function* linesOf(page: SerializedPage): Generator<string> {
  const json = typeof page.json === "string" ? page.json : page.json.toString("utf8");
  for (const line of json.split("\n")) if (line !== "") yield line;
}

type PageNames = {
  /** The folded full names of other customers the page holds. */
  known: ReadonlySet<string>;
  /** Whether the page's line at `index` holds one of them (in any field). */
  mentionedIn: (index: number) => boolean;
};

const NO_NAMES: PageNames = { known: new Set(), mentionedIn: () => false };

/**
 * Every possible full name of the page, folded and distinct, asked of the resolver in one call.
 * Taken from the raw lines, so that a line naming nobody the resolver knows is never parsed.
 */
async function otherCustomersNamedIn(
  lines: string[],
  paths: readonly DeclaredPath[],
  scan: DisclosureScan,
): Promise<PageNames> {
  if (!scan.findOtherCustomersNamed) return NO_NAMES;
  const folded = lines.map((line) => foldedLine(line, paths));
  const keys = new Set<string>();
  for (const line of folded) for (const key of nameKeys(line)) keys.add(key);
  if (keys.size === 0) return NO_NAMES;
  const found = await scan.findOtherCustomersNamed([...keys]);
  const known = new Set(found.map(foldName));
  return { known, mentionedIn: (index) => mentionsAny(folded[index]!, known) };
}

const JSON_ESCAPE = /\\./g;

/**
 * A raw line folded for names. Its words are those of its free texts and of its other fields
 * (more candidates, never fewer): the two characters of a JSON escape ("\n", "\"") are blanked, as
 * the character they stand for is no letter. A \u escape could stand for a letter: such a line
 * is parsed, and its free texts stand in for it.
 */
function foldedLine(line: string, paths: readonly DeclaredPath[]): string {
  if (line.includes("\\u"))
    return freeTextsOf(JSON.parse(line) as ExportRecord, paths)
      .map(({ text }) => foldName(text))
      .join("\n");
  const folded = foldName(line);
  return folded.includes("\\") ? folded.replace(JSON_ESCAPE, "  ") : folded;
}

function mentionsAny(folded: string, names: ReadonlySet<string>): boolean {
  for (const name of names) if (folded.includes(name)) return true;
  return false;
}

function findingsIn(
  texts: Array<FreeText & { recordIndex: number }>,
  scan: DisclosureScan,
  names: ReadonlySet<string>,
): Finding[] {
  return texts.flatMap(({ text, path, recordIndex }) => {
    const folded = names.size > 0 ? foldForNames(text) : undefined;
    const named = folded && mentionsAny(folded.folded, names) ? nameCandidates(folded, names) : [];
    // Longest name first where candidates overlap ("Mary Ann Jones" over "Mary Ann").
    const spans = withoutOverlaps([
      ...findEmails(text, scan.own),
      ...findPhones(text, scan.own, scan.defaultCountry),
      ...named.map(({ start, end, matched }) => ({ kind: "NAME" as const, start, end, matched })),
    ]);
    return spans.map((span) => ({
      ...span,
      recordIndex,
      path,
      before: (span.start > CONTEXT_CHARS ? "…" : "") + text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
      after: text.slice(span.end, span.end + CONTEXT_CHARS) + (text.length - span.end > CONTEXT_CHARS ? "…" : ""),
    }));
  });
}
