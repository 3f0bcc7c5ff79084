import type { ExportRecord } from "@/lib/sources/types";
import { replaceFreeText } from "./free-text";

// Art. 15(4) GDPR at release: the spans a reviewer chose to redact are replaced by a marker in
// the subject's records, as they are read back from staging one at a time.

export type Redaction = { recordIndex: number; path: string; start: number; end: number; matched: string };

/**
 * `records` with every redaction applied, in order. `redactions` must be sorted by record index;
 * each one's span must still hold the text it was found as, or this throws: a record that changed
 * under a decision must not be released.
 */
export async function* redactedRecords(
  records: AsyncIterable<ExportRecord>,
  redactions: readonly Redaction[],
  marker: string,
): AsyncGenerator<ExportRecord> {
  let next = 0;
  let recordIndex = 0;
  for await (const record of records) {
    const own: Redaction[] = [];
    while (next < redactions.length && redactions[next]!.recordIndex === recordIndex) own.push(redactions[next++]!);
    for (const [path, spans] of byPath(own))
      replaceFreeText(record, path, (text) => redactText(text, spans, marker, path));
    yield record;
    recordIndex += 1;
  }
  if (next < redactions.length)
    throw new Error(
      `A redaction points at record ${redactions[next]!.recordIndex}, which the staged data does not hold.`,
    );
}

function byPath(redactions: Redaction[]): Map<string, Redaction[]> {
  const paths = new Map<string, Redaction[]>();
  for (const redaction of redactions) paths.set(redaction.path, [...(paths.get(redaction.path) ?? []), redaction]);
  return paths;
}

/** The text with each span replaced by the marker, from the last span backwards so earlier offsets hold. */
export function redactText(text: string, spans: readonly Redaction[], marker: string, path = "the text"): string {
  let result = text;
  let limit = Infinity;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    if (span.end > limit) throw new Error(`Two redactions overlap in ${path}.`);
    if (text.slice(span.start, span.end) !== span.matched)
      throw new Error(`The text at ${path} no longer holds what was found there.`);
    result = result.slice(0, span.start) + marker + result.slice(span.end);
    limit = span.start;
  }
  return result;
}
