"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { requestContext } from "@/lib/audit/request-context";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { checkSignInEmail } from "@/lib/auth/sign-in-limits";
import { localizeFieldErrors, type MessageLookup } from "@/lib/i18n/localize-errors";
import { SignInLimitError } from "@/lib/auth/sign-in-refusal";
import { signInSchema } from "@/lib/schemas/sign-in";
import { actionError, type ActionResult } from "./result";

/** Emails a magic link, then shows "check your email". Rate-limited per address and per IP. */
export async function requestSignInLink(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = (await getTranslations()) as unknown as MessageLookup;
  const parsed = signInSchema.safeParse({
    email: formData.get("email"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) {
    return actionError(t("errors.checkField"), localizeFieldErrors(t, z.flattenError(parsed.error).fieldErrors));
  }
  const { email } = parsed.data;
  const context = await requestContext();
  // The limit is enforced when the email is sent (lib/auth/config.ts); checking first lets the
  // form say so in words instead of Auth.js's generic error page.
  const verdict = await checkSignInEmail(email, context.ip ?? null);
  if (!verdict.allowed) {
    await audit({
      actor: { type: "SYSTEM", name: "auth" },
      action: "auth.sign_in_link_refused",
      context,
      metadata: { email, reason: "rate-limited" },
    });
    const tSignIn = await getTranslations("signIn");
    return actionError(tSignIn("tooMany", { minutes: verdict.retryAfterMinutes }));
  }
  const callbackUrl = safeCallbackPath(parsed.data.callbackUrl);
  let next: unknown;
  try {
    next = await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    // Another tab or a direct call used the last allowance between the check and the send.
    if (error instanceof SignInLimitError) {
      const tSignIn = await getTranslations("signIn");
      return actionError(tSignIn("tooMany", { minutes: error.retryAfterMinutes }));
    }
    throw error;
  }
  // "Check your email" keeps the deep link, so "Use a different address" can come back to it.
  if (typeof next === "string" && new URL(next, "http://portal.invalid").searchParams.has("error")) redirect(next);
  redirect(`/verify-request?${new URLSearchParams({ callbackUrl })}`);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
