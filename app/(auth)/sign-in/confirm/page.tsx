import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { callbackAction } from "@/lib/auth/magic-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirmSignIn"))("metaTitle") };
}

// Opening this page spends nothing: only the button's POST uses the one-time link
// (lib/auth/magic-link.ts says why).
export default async function ConfirmSignInPage({ searchParams }: PageProps<"/sign-in/confirm">) {
  const params = await searchParams;
  const t = await getTranslations("confirmSignIn");
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const token = first(params.token)?.slice(0, 256);
  const email = first(params.email)?.slice(0, 254);
  if (!token || !email) {
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold tracking-tight">{t("incompleteTitle")}</h1>
        <p className="mt-3 text-zinc-600">{t("incompleteText")}</p>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            {t("askNew")}
          </Link>
        </p>
      </Card>
    );
  }
  // Passed on as Auth.js wrote it (an absolute URL); its redirect callback keeps it on our origin.
  const callbackUrl = first(params.callbackUrl)?.slice(0, 2048);
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-zinc-600">
        {t.rich("signingInAs", { email, strong: (chunks) => <strong className="text-zinc-900">{chunks}</strong> })}
      </p>
      <form method="post" action={callbackAction({ token, email, callbackUrl })} className="mt-6">
        <Button type="submit" className="w-full">
          {t("button")}
        </Button>
      </form>
      <p className="mt-4 text-sm text-zinc-600">{t("notYou")}</p>
    </Card>
  );
}
