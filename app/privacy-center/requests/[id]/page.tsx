import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestProgress } from "@/components/privacy-request/request-progress";
import { REQUEST_TYPES } from "@/components/request-type";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { cancelPrivacyRequestAction } from "@/lib/actions/privacy-requests";
import { signDownloadPath } from "@/lib/dal/downloads";
import { findOwnPrivacyRequest } from "@/lib/dal/privacy-requests";
import { requireViewer } from "@/lib/dal/session";
import { controllerDetails } from "@/lib/requests/controller";
import { CANCELLABLE_BY_CUSTOMER, isTerminal } from "@/lib/requests/lifecycle";
import { presentPrivacyRequest } from "@/lib/requests/present";

export const metadata: Metadata = { title: "Your request" };

const NOTICES: Record<string, string> = {
  "not-cancellable": "This request can no longer be cancelled: we have already started preparing your data.",
  "invalid-link": "That download link is not valid. Use the button below instead.",
  expired: "That download link has expired. Use the button below for a fresh one, or ask for a new copy if this one was deleted.",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function RequestStatusPage({ params, searchParams }: PageProps<"/privacy-center/requests/[id]">) {
  const { id } = await params;
  const { download, notice: noticeKey } = await searchParams;
  const viewer = await requireViewer(`/privacy-center/requests/${id}`);
  const request = await findOwnPrivacyRequest(viewer, id);
  if (!request) notFound();

  const presented = presentPrivacyRequest(request);
  const archive = request.archives[0];
  const link = request.status === "READY" && archive && !presented.archive?.deleted ? signDownloadPath(request.id, archive) : null;
  const cancellable = CANCELLABLE_BY_CUSTOMER.has(request.status);
  // Closed without a copy to download (expired, cancelled, rejected): the customer may ask again.
  const canAskAgain = isTerminal(request.status) && request.status !== "READY";
  const key = typeof download === "string" ? download : typeof noticeKey === "string" ? noticeKey : undefined;
  const notice = key ? NOTICES[key] : undefined;
  const cancel = cancelPrivacyRequestAction.bind(null, request.id);
  const controller = controllerDetails();

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title={`Request ${request.reference}`}
        description={
          <>
            {REQUEST_TYPES[request.type].title}, received {dateFormat.format(request.submittedAt)}. We answer by{" "}
            <strong data-testid="request-due">{dateFormat.format(request.extendedDueAt ?? request.dueAt)}</strong>
            {presented.terminal ? "." : ` (${Math.max(presented.daysLeft, 0)} days left).`}
            {request.extendedDueAt ? ` We extended the original deadline of ${dateFormat.format(request.dueAt)} because: ${request.extensionReason}` : null}
          </>
        }
      />
      {notice ? (
        <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      {request.status === "REJECTED" && request.identityCheck?.reason ? (
        <div data-testid="rejection-reason" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
          <p>
            <strong>Why:</strong> {request.identityCheck.reason}
          </p>
          <p className="mt-2">
            If you think this is a mistake, write to <a href={`mailto:${controller.contactEmail}`} className="underline">{controller.contactEmail}</a>. You can also
            complain to the supervisory authority, <a href={controller.supervisoryAuthority.url} className="underline">{controller.supervisoryAuthority.name}</a>.
          </p>
        </div>
      ) : null}
      <RequestProgress initial={{ ...presented, download: link ? { url: link.path, expiresAt: link.expiresAt.toISOString() } : null }} />
      <div className="flex flex-wrap gap-3">
        {cancellable ? (
          <form action={cancel}>
            <Button type="submit" variant="secondary">
              Cancel this request
            </Button>
          </form>
        ) : null}
        {canAskAgain ? (
          <Link href={`/privacy-center/request?type=${request.type.toLowerCase()}`} className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
            Request a fresh copy
          </Link>
        ) : null}
        <Link href="/privacy-center" className="inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
          All your requests
        </Link>
      </div>
    </div>
  );
}
