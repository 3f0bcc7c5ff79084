import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { REQUEST_TYPE_ORDER } from "@/lib/requests/request-type";
import { isAgentWorded } from "@/lib/requests/lifecycle";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listOwnPrivacyRequests } from "@/lib/dal/privacy-requests";
import { getViewer, type Viewer } from "@/lib/dal/session";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("center"))("metaTitle") };
}

const STEPS = [
  ["step1Title", "step1Text"],
  ["step2Title", "step2Text"],
  ["step3Title", "step3Text"],
] as const;

async function RequestTypeCards() {
  const tType = await getTranslations("requestType");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {REQUEST_TYPE_ORDER.map((type) => (
        <Card key={type} aria-labelledby={`type-${type}`}>
          <h2 id={`type-${type}`} className="text-lg font-semibold">
            {tType(`${type}.title`)}
          </h2>
          <p className="text-sm text-zinc-500">{tType(`${type}.article`)}</p>
          <p className="mt-3 text-zinc-700">{tType(`${type}.summary`)}</p>
          <ButtonLink className="mt-4" href={`/privacy-center/request?type=${type.toLowerCase()}`}>
            {tType(`${type}.cta`)}
          </ButtonLink>
        </Card>
      ))}
    </div>
  );
}

async function HowItWorks() {
  const t = await getTranslations("center");
  const days = env().ARCHIVE_RETENTION_DAYS;
  return (
    <section aria-labelledby="how-it-works">
      <h2 id="how-it-works" className="text-lg font-semibold">
        {t("howItWorks")}
      </h2>
      <ol className="mt-4 grid gap-4 md:grid-cols-3">
        {STEPS.map(([title, text], index) => (
          <li key={title} className="rounded-lg border border-zinc-200 bg-white p-4">
            <p className="text-sm font-semibold text-brand-700">{t("step", { number: index + 1 })}</p>
            <p className="mt-1 font-medium">{t(title)}</p>
            <p className="mt-1 text-sm text-zinc-600" data-testid={`step-${index + 1}`}>
              {t(text, { days })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

async function YourRequests({ viewer }: { viewer: Viewer }) {
  const requests = await listOwnPrivacyRequests(viewer);
  const t = await getTranslations("center");
  const tStatus = await getTranslations("status");
  const tAgent = await getTranslations("agentStatus");
  return (
    <section aria-labelledby="your-requests">
      <h2 id="your-requests" className="text-lg font-semibold">
        {t("yourRequests")}
      </h2>
      {requests.length === 0 ? (
        <p className="mt-2 text-zinc-600">{t("noRequests")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
          {requests.map((request) => (
            <li key={request.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
              <Link className="font-medium text-brand-700 underline" href={`/privacy-center/requests/${request.id}`}>
                {request.reference}
              </Link>
              <span className="text-sm text-zinc-600">
                {(request.byAgent && isAgentWorded(request.status) ? tAgent : tStatus)(`${request.status}.label`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function SignInHint() {
  const t = await getTranslations("center");
  return (
    <p className="text-zinc-600">
      {t.rich("alreadyAsked", {
        signin: (chunks) => (
          <Link className="font-medium text-brand-700 underline" href="/sign-in?callbackUrl=/privacy-center">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}

export default async function PrivacyCenterPage() {
  const viewer = await getViewer();
  const t = await getTranslations("center");
  return (
    <div className="space-y-10">
      <PageHeader title={t("title")} description={t("description")} />
      <RequestTypeCards />
      <HowItWorks />
      {viewer ? <YourRequests viewer={viewer} /> : <SignInHint />}
    </div>
  );
}
