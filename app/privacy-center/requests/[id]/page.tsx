import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RequestProgress } from "@/components/privacy-request/request-progress";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { cancelPrivacyRequestAction } from "@/lib/actions/privacy-requests";
import { downloadLinkFor } from "@/lib/dal/downloads";
import { findOwnPrivacyRequest } from "@/lib/dal/privacy-requests";
import { requireViewer } from "@/lib/dal/session";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { controllerDetails } from "@/lib/requests/controller";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { CANCELLABLE_BY_CUSTOMER, isDownloadable, isTerminal } from "@/lib/requests/lifecycle";
import { presentPrivacyRequest } from "@/lib/requests/present";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("request"))("metaTitle") };
}

const NOTICES = {
  "not-cancellable": "noticeNotCancellable",
  "invalid-link": "noticeInvalidLink",
  expired: "noticeExpired",
  withheld: "noticeWithheld",
} as const;

/** Why the identity check was refused, whom to ask, and the supervisory authority (Art. 12(4) GDPR). */
async function RejectionNotice({ reason }: { reason: string }) {
  const t = await getTranslations("request");
  const controller = controllerDetails();
  return (
    <>
      <p>{t.rich("rejectedWhy", { reason, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="mt-2">
        {t.rich("rejectedNext", {
          email: controller.contactEmail,
          authority: controller.supervisoryAuthority.name,
          mail: (chunks) => (
            <a href={`mailto:${controller.contactEmail}`} className="underline">
              {chunks}
            </a>
          ),
          authorityLink: (chunks) => (
            <a href={controller.supervisoryAuthority.url} className="underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </>
  );
}

const ASK_AGAIN = "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white";
const ALL_REQUESTS =
  "inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100";

type RequestActionsProps = { requestId: string; type: RequestType; cancellable: boolean; canAskAgain: boolean };

async function RequestActions({ requestId, type, cancellable, canAskAgain }: RequestActionsProps) {
  const t = await getTranslations("request");
  return (
    <div className="flex flex-wrap gap-3">
      {cancellable ? (
        <form action={cancelPrivacyRequestAction.bind(null, requestId)}>
          <Button type="submit" variant="secondary">
            {t("cancel")}
          </Button>
        </form>
      ) : null}
      {canAskAgain ? (
        <Link href={`/privacy-center/request?type=${type.toLowerCase()}`} className={ASK_AGAIN}>
          {t("askAgain")}
        </Link>
      ) : null}
      <Link href="/privacy-center" className={ALL_REQUESTS}>
        {t("allRequests")}
      </Link>
    </div>
  );
}

export default async function RequestStatusPage({ params, searchParams }: PageProps<"/privacy-center/requests/[id]">) {
  const { id } = await params;
  const { download, notice: noticeKey } = await searchParams;
  const viewer = await requireViewer(`/privacy-center/requests/${id}`);
  const request = await findOwnPrivacyRequest(viewer, id);
  if (!request) notFound();

  const presented = presentPrivacyRequest(request);
  const link = downloadLinkFor(request);
  const cancellable = CANCELLABLE_BY_CUSTOMER.has(request.status);
  // Closed without a copy to download (expired, cancelled, rejected): the customer may ask again.
  const canAskAgain = isTerminal(request.status) && !isDownloadable(request.status);
  const key = typeof download === "string" ? download : typeof noticeKey === "string" ? noticeKey : undefined;
  const t = await getTranslations("request");
  const format = await getFormatter();
  const notice = key && key in NOTICES ? t(NOTICES[key as keyof typeof NOTICES]) : undefined;

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        title={t("title", { reference: request.reference })}
        description={t.rich(presented.terminal ? "received" : "receivedOpen", {
          type: (await getTranslations("requestType"))(`${request.type}.title`),
          submitted: format.dateTime(request.submittedAt, "long"),
          due: format.dateTime(request.extendedDueAt ?? request.dueAt, "long"),
          days: Math.max(presented.daysLeft, 0),
          strong: (chunks) => <strong data-testid="request-due">{chunks}</strong>,
        })}
      />
      {request.mandate ? (
        <p data-testid="on-behalf" className="text-sm text-zinc-700">
          {t("onBehalf", {
            email: request.mandate.subjectEmail,
            relationship: (await getTranslations("mandate.relationship"))(request.mandate.relationship),
          })}
        </p>
      ) : null}
      {request.extendedDueAt && request.extensionReason ? (
        <p className="text-sm text-zinc-700">
          {t("extendedBecause", { original: format.dateTime(request.dueAt, "long"), reason: request.extensionReason })}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      {request.status === RequestStatus.REJECTED && request.identityCheck?.reason ? (
        <div data-testid="rejection-reason" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
          <RejectionNotice reason={request.identityCheck.reason} />
        </div>
      ) : null}
      <RequestProgress
        initial={{ ...presented, download: link ? { url: link.path, expiresAt: link.expiresAt.toISOString() } : null }}
      />
      <RequestActions requestId={request.id} type={request.type} cancellable={cancellable} canAskAgain={canAskAgain} />
    </div>
  );
}
