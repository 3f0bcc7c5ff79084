import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { retryAfterMinutesFrom, signInLimitMessage } from "@/lib/auth/sign-in-refusal";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends errors here as ?error=<code>; each gets a sentence a person can act on.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "You cannot sign in with that address.",
  Configuration: "Sign-in is not available right now. Please try again in a few minutes.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const errorCode = first(params.error);
  const retryAfter = errorCode === "CredentialsSignin" ? retryAfterMinutesFrom(first(params.code)) : null;
  const error = retryAfter
    ? signInLimitMessage(retryAfter)
    : errorCode
    ? (ERRORS[errorCode] ?? "Something went wrong signing you in. Please try again.")
    : first(params.reason) === "step-up"
      ? "For your security, please confirm it is you before downloading your data: we will email you a new link."
      : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to the privacy center</h1>
      <p className="mt-2 text-zinc-600">No password needed: we email you a link that works once.</p>
      {error ? (
        <p role="alert" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {error}
        </p>
      ) : null}
      <Card className="mt-6">
        <SignInForm callbackUrl={callbackUrl} defaultEmail={first(params.email)?.slice(0, 254)} />
      </Card>
    </div>
  );
}
