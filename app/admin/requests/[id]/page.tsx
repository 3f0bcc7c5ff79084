import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeadlinePanel } from "@/components/admin/deadline-panel";
import { DisclosurePanel } from "@/components/admin/disclosure-panel";
import { IdentityPanel } from "@/components/admin/identity-panel";
import { RequestTimeline } from "@/components/admin/request-timeline";
import { SourceDeclarationsPanel } from "@/components/admin/source-declarations";
import { SourcesPanel } from "@/components/admin/sources-panel";
import { STAFF_REQUEST_TYPES } from "@/lib/requests/request-type";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/dal/session";
import { findRequestForStaff } from "@/lib/dal/staff-requests";
import { STAFF_STATUS_LABEL } from "@/lib/requests/lifecycle";

export const metadata: Metadata = { title: "Request" };

export default async function StaffRequestPage({ params }: PageProps<"/admin/requests/[id]">) {
  const { id } = await params;
  const viewer = await requireStaff(`/admin/requests/${id}`);
  const view = await findRequestForStaff(viewer, id);
  if (!view) notFound();
  const { request } = view;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          Back to the queue
        </Link>
      </p>
      <PageHeader
        title={`Request ${request.reference}`}
        description={
          <>
            {STAFF_REQUEST_TYPES[request.type].title}, {STAFF_REQUEST_TYPES[request.type].article}, from{" "}
            {request.user.email}. Status:{" "}
            <strong data-testid="staff-request-status">{STAFF_STATUS_LABEL[request.status]}</strong>
          </>
        }
      />
      <IdentityPanel view={view} />
      <DeadlinePanel view={view} />
      <DisclosurePanel view={view} />
      <SourcesPanel view={view} />
      <SourceDeclarationsPanel view={view} />
      <RequestTimeline view={view} />
    </div>
  );
}
