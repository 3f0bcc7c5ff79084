import type { DataSource, ExportRecord } from "@/lib/sources/types";

/** A declaration with every Art. 15(1) field filled, for tests; override what the test is about. */
export function fakeSource(overrides: Partial<DataSource> & Pick<DataSource, "key" | "fields">): DataSource {
  return {
    title: overrides.key,
    description: `Test data for ${overrides.key}.`,
    categories: ["Contact details"],
    purposes: ["Providing the service"],
    legalBasis: "Contract (Art. 6(1)(b) GDPR)",
    recipients: [],
    retention: "Six years after the account is closed.",
    origin: "You, when you use the service.",
    transfers: [],
    counting: { method: "DATABASE_ROWS" },
    async *collect() {},
    ...overrides,
  };
}

/** `total` records in pages of `pageSize`, generated lazily like a keyset-paginated collector. */
export async function* pagesOf(
  total: number,
  pageSize: number,
  makeRecord: (index: number) => ExportRecord,
): AsyncGenerator<ExportRecord[]> {
  for (let start = 0; start < total; start += pageSize) {
    const page: ExportRecord[] = [];
    for (let index = start; index < Math.min(total, start + pageSize); index += 1) page.push(makeRecord(index));
    yield page;
  }
}
