import Link from "next/link";

const link = "font-medium text-brand-700 underline";

type AuditPagerProps = {
  /** The filters without the page cursor (`auditLogFilterParams`): every page keeps them. */
  params: URLSearchParams;
  /** Whether this page started below a cursor, i.e. is not the newest page. */
  paged: boolean;
  /** The id the next page continues below, or null on the last page. */
  olderThan: bigint | null;
};

/** Keyset pages (lib/dal/audit-log.ts): ids only grow, so "older" means "below the last id shown". */
export function AuditPager({ params, paged, olderThan }: AuditPagerProps) {
  const older = new URLSearchParams(params);
  if (olderThan !== null) older.set("before", olderThan.toString());
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex gap-4 text-sm">
      {paged ? (
        <Link className={link} href={params.size > 0 ? `/admin/audit?${params}` : "/admin/audit"}>
          Newest events
        </Link>
      ) : null}
      {olderThan !== null ? (
        <Link className={link} href={`/admin/audit?${older}`}>
          Older events
        </Link>
      ) : null}
    </nav>
  );
}
