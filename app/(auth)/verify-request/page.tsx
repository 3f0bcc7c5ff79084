import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verifyRequest"))("title") };
}

export default async function VerifyRequestPage({ searchParams }: PageProps<"/verify-request">) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("verifyRequest");
  // "Use a different address" keeps the deep link the person came from (the form, a download).
  const callbackPath = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  const back = `/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}`;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-3 text-zinc-600">{t("text", { minutes: MAGIC_LINK_MINUTES })}</p>
        {env().demoMode ? (
          <p className="mt-4 text-sm text-zinc-600">
            {t.rich("demo", {
              outbox: (chunks) => (
                <Link href="/dev/outbox" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
        <p className="mt-4 text-sm">
          <Link href={back} className="font-medium text-brand-700 underline">
            {t("differentAddress")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
