import type { ExportRecord } from "../types";

/** Regroups records, however the service pages them, into pages of at most `pageSize`. */
export async function* inPages(records: AsyncIterable<ExportRecord>, pageSize: number): AsyncIterable<ExportRecord[]> {
  let page: ExportRecord[] = [];
  for await (const record of records) {
    page.push(record);
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/** Unix seconds (how Stripe and Intercom send times) as an ISO string. */
export function fromUnix(seconds: number | null | undefined): string | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}

export function toUnix(date: Date | undefined): number | undefined {
  return date ? Math.floor(date.getTime() / 1000) : undefined;
}
