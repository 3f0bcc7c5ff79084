import { isSupportedCountry } from "libphonenumber-js/max";
import { db } from "@/lib/db";
import { activeCompany } from "@/lib/sources/registry";
import type { DataSource, DataSubject, SerializedPage } from "@/lib/sources/types";
import { normalisePhone, type OwnDetails } from "./detect";
import { scanningPages, type Finding } from "./scan-pages";

// Where the collect step meets the Art. 15(4) scan: a source with free-text fields has its pages
// scanned on their way to staging and the findings stored for the request's reviewer. A source
// collected again (a retry) starts from no findings, since its records are staged afresh.

/** `pages`, scanned for other people's data when `source` declares free text; unchanged otherwise. */
export async function withDisclosureScan(
  requestId: string,
  source: DataSource,
  subject: DataSubject,
  pages: AsyncIterable<SerializedPage>,
): Promise<AsyncIterable<SerializedPage>> {
  const sourceKey = source.key;
  if (!source.freeTextFields?.length) return pages;
  await db.disclosureFinding.deleteMany({ where: { requestId, sourceKey } });
  const resolver = activeCompany().resolver;
  const details =
    subject.id && resolver.contactDetailsOf ? await resolver.contactDetailsOf(subject.id) : { emails: [], phones: [] };
  const country = details.country?.toUpperCase();
  const defaultCountry = country && isSupportedCountry(country) ? country : undefined;
  const own: OwnDetails = {
    emails: new Set([subject.email, ...details.emails].map((email) => email.toLowerCase())),
    phones: new Set(details.phones.flatMap((phone) => normalisePhone(phone, defaultCountry) ?? [])),
  };
  const findNamed = resolver.findOtherCustomersNamed?.bind(resolver);
  return scanningPages(pages, {
    freeTextFields: source.freeTextFields,
    own,
    defaultCountry,
    findOtherCustomersNamed: findNamed && ((names) => findNamed(names, subject.id)),
    keep: (findings) => keepFindings(requestId, sourceKey, findings),
  });
}

async function keepFindings(requestId: string, sourceKey: string, findings: Finding[]): Promise<void> {
  await db.disclosureFinding.createMany({
    data: findings.map(({ kind, recordIndex, path, start, end, matched, before, after }) => ({
      requestId,
      sourceKey,
      kind,
      recordIndex,
      path,
      start,
      end,
      matched,
      before,
      after,
    })),
  });
}
