"use server";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { requestContext } from "@/lib/audit/request-context";
import { signIn, signOut } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signInSchema } from "@/lib/schemas/sign-in";
import { actionError, type ActionResult } from "./result";

/** Emails a magic link, then shows "check your email". Rate-limited per address and per IP. */
export async function requestSignInLink(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success) {
    return actionError("Check the highlighted field.", z.flattenError(parsed.error).fieldErrors);
  }
  const { email } = parsed.data;
  const redirectTo = safeCallbackPath(parsed.data.callbackUrl);
  try {
    await signIn("email", { email, redirectTo });
  } catch (error) {
    unstable_rethrow(error); // the redirect to /verify-request
    const limited = error instanceof Error && /SignInLimitError|Try again in/.test(`${error.name} ${error.message} ${String(error.cause ?? "")}`);
    await audit({
      actor: { type: "SYSTEM", name: "auth" },
      action: "auth.sign_in_link_refused",
      context: await requestContext(),
      metadata: { email, reason: limited ? "rate-limited" : "error" },
    });
    if (limited) {
      return actionError("Too many sign-in emails were requested. Please wait a while before asking for another link.");
    }
    throw error;
  }
  return { ok: true, data: undefined };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
