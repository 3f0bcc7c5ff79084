import type { Metadata } from "next";
import { AuditEventsTable } from "@/components/admin/audit/audit-events-table";
import { AuditFilterForm, AuditFilterProblems } from "@/components/admin/audit/audit-filter-form";
import { AuditPager } from "@/components/admin/audit/audit-pager";
import { VerifyChain } from "@/components/admin/verify-chain";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEvents } from "@/lib/dal/audit-log";
import { requireStaff } from "@/lib/dal/session";
import { auditLogFilterParams, parseAuditLogFilter, type SearchParams } from "@/lib/schemas/audit-log";

export const metadata: Metadata = { title: "Audit log" };

const DESCRIPTION =
  "Every state change the portal records, newest first. " +
  "Each event carries the hash of the one before it, so an edit is detectable.";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireStaff("/admin/audit");
  const { filter, problems } = parseAuditLogFilter(await searchParams);
  const { events, olderThan } = await listAuditEvents(viewer, filter);
  const params = auditLogFilterParams(filter);

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description={DESCRIPTION}>
        <VerifyChain />
      </PageHeader>

      <Card aria-labelledby="filter-title">
        <h2 id="filter-title" className="text-lg font-semibold">
          Filter events
        </h2>
        <AuditFilterForm filter={filter} query={params.size > 0 ? `?${params}` : ""} />
        <AuditFilterProblems problems={problems} />
      </Card>

      <Card aria-labelledby="events-title">
        <h2 id="events-title" className="text-lg font-semibold">
          Events
        </h2>
        <AuditEventsTable events={events} />
        <AuditPager params={params} paged={filter.before !== undefined} olderThan={olderThan} />
      </Card>
    </div>
  );
}
