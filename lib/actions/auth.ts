"use server";

import { z } from "zod";
import { audit } from "@/lib/audit";
import { requestContext } from "@/lib/audit/request-context";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { checkSignInEmail } from "@/lib/auth/sign-in-limits";
import { SignInLimitError, signInLimitMessage } from "@/lib/auth/sign-in-refusal";
import { signInSchema } from "@/lib/schemas/sign-in";
import { actionError, type ActionResult } from "./result";

/** Emails a magic link, then shows "check your email". Rate-limited per address and per IP. */
export async function requestSignInLink(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success) {
    return actionError("Check the highlighted field.", z.flattenError(parsed.error).fieldErrors);
  }
  const { email } = parsed.data;
  const context = await requestContext();
  // The limit is enforced when the email is sent (lib/auth/config.ts); checking first lets the
  // form say so in words instead of Auth.js's generic error page.
  const verdict = await checkSignInEmail(email, context.ip ?? null);
  if (!verdict.allowed) {
    await audit({ actor: { type: "SYSTEM", name: "auth" }, action: "auth.sign_in_link_refused", context, metadata: { email, reason: "rate-limited" } });
    return actionError(signInLimitMessage(verdict.retryAfterMinutes));
  }
  try {
    await signIn("email", { email, redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
  } catch (error) {
    // Another tab or a direct call used the last allowance between the check and the send.
    if (error instanceof SignInLimitError) return actionError(signInLimitMessage(error.retryAfterMinutes));
    throw error;
  }
  return { ok: true, data: undefined };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
