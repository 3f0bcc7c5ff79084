import type { CountryCode } from "libphonenumber-js/max";
import type { ExportRecord, SerializedPage } from "@/lib/sources/types";
import {
  findEmails,
  findPhones,
  mayHoldOtherPeoplesData,
  nameCandidates,
  withoutOverlaps,
  type OwnDetails,
  type Span,
} from "./detect";
import { freeTextsOf, parseFreeTextPath, type FreeText } from "./free-text";

// The collect step's Art. 15(4) pass: the staged pages of a source that declares free-text fields
// go through here on their way to staging, so the text is read where it already is (the NDJSON
// lines PostgreSQL or the projector wrote), one page at a time, without a second query to the
// source or a second read of the staged file. A page's names are looked up in one call to the
// company's resolver. Cost: a cheap look at each raw line, then JSON.parse and the detectors only
// for lines that could hold something (docs/art-15-4-review.md: about 0.1 s per 10 000 records);
// sources without free text pay nothing.

/** Another person's data in the subject's free text, and where it is. */
export type Finding = Span & {
  /** The record's position in the source's data file, from 0. */
  recordIndex: number;
  /** The concrete path of the text ("messages[2].body"). */
  path: string;
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
  const names = scan.findOtherCustomersNamed !== undefined;
  let recordIndex = 0;
  for await (const page of pages) {
    const texts: Array<FreeText & { recordIndex: number }> = [];
    for (const line of linesOf(page)) {
      // Most records hold nothing any detector could find: those are counted, not parsed.
      if (mayHoldOtherPeoplesData(line, names)) {
        for (const text of freeTextsOf(JSON.parse(line) as ExportRecord, paths)) texts.push({ ...text, recordIndex });
      }
      recordIndex += 1;
    }
    const findings = await findingsIn(texts, scan);
    if (findings.length > 0) await scan.keep(findings);
    yield page;
  }
}

/** A page's NDJSON lines, one record each: every line break ends one record (lib/export/staging.ts). */
function* linesOf(page: SerializedPage): Generator<string> {
  const json = typeof page.json === "string" ? page.json : page.json.toString("utf8");
  for (const line of json.split("\n")) if (line !== "") yield line;
}

async function findingsIn(texts: Array<FreeText & { recordIndex: number }>, scan: DisclosureScan): Promise<Finding[]> {
  const candidates = texts.map(({ text }) => (scan.findOtherCustomersNamed ? nameCandidates(text) : []));
  const distinct = [...new Set(candidates.flat().map((candidate) => candidate.matched.toLowerCase()))];
  const known = distinct.length > 0 && scan.findOtherCustomersNamed ? await scan.findOtherCustomersNamed(distinct) : [];
  const customers = new Set(known.map((name) => name.toLowerCase()));
  return texts.flatMap(({ text, path, recordIndex }, index) => {
    const names = candidates[index]!.filter((candidate) => customers.has(candidate.matched.toLowerCase())).map(
      (span) => ({ ...span, kind: "NAME" as const }),
    );
    // Longest name first where candidates overlap ("Mary Ann Jones" over "Mary Ann").
    const spans = withoutOverlaps([
      ...findEmails(text, scan.own),
      ...findPhones(text, scan.own, scan.defaultCountry),
      ...names,
    ]);
    return spans.map((span) => ({
      ...span,
      recordIndex,
      path,
      before: text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
      after: text.slice(span.end, span.end + CONTEXT_CHARS),
    }));
  });
}
