import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { retryAfterMinutesFrom } from "@/lib/auth/sign-in-refusal";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

// Auth.js sends errors here as ?error=<code>; each gets a sentence a person can act on.
const ERRORS = {
  Verification: "errorVerification",
  AccessDenied: "errorAccessDenied",
  Configuration: "errorConfiguration",
} as const;

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const t = await getTranslations("signIn");
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const errorCode = first(params.error);
  // A download asked a signed-in person for a fresh sign-in: their address is already known.
  const stepUp = first(params.reason) === "step-up";
  const viewer = stepUp ? await getViewer() : null;
  const retryAfter = errorCode === "CredentialsSignin" ? retryAfterMinutesFrom(first(params.code)) : null;
  const error = retryAfter
    ? t("tooMany", { minutes: retryAfter })
    : errorCode
      ? t(ERRORS[errorCode as keyof typeof ERRORS] ?? "errorOther")
      : viewer
        ? t("stepUpSignedIn", { minutes: env().DOWNLOAD_REAUTH_MINUTES, email: viewer.email })
        : stepUp
          ? t("stepUp")
          : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-zinc-600">{t("intro")}</p>
      {error ? (
        <p role="alert" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {error}
        </p>
      ) : null}
      <Card className="mt-6">
        <SignInForm callbackUrl={callbackUrl} defaultEmail={viewer?.email ?? first(params.email)?.slice(0, 254)} />
      </Card>
    </div>
  );
}
