// Mail filters open every link in an email before the person does (Microsoft Defender Safe
// Links, Proofpoint, Mimecast). Auth.js's email callback signs in on GET and spends the one-time
// token, so a scanner's visit would use it up. The emailed link opens a confirmation page
// instead; its "Sign in" button POSTs to the callback, which a scanner that only GETs never does.
// Auth.js builds its URL from the request's Host and X-Forwarded-Host, which whoever asks for a
// link can set: the emailed link is on the portal's configured address (PORTAL_URL) instead, so a
// forged host cannot send someone's token to a site of the forger's.

import { portalUrl } from "@/lib/http/portal-url";
import { safeCallbackPath } from "./callback-url";

export const CONFIRM_PATH = "/sign-in/confirm";
export const EMAIL_CALLBACK_PATH = "/api/auth/callback/email";

/** The link to email: the confirmation page on the portal's address, with Auth.js's token, email and callbackUrl. */
export function confirmationLink(authCallbackUrl: string): string {
  const callback = new URL(authCallbackUrl);
  const confirm = new URL(CONFIRM_PATH, portalUrl());
  confirm.search = callback.search;
  // Auth.js makes the callbackUrl absolute on the request's origin; only its path is ours to keep.
  const next = callback.searchParams.get("callbackUrl");
  if (next !== null) confirm.searchParams.set("callbackUrl", safeCallbackPath(pathOf(next)));
  return confirm.toString();
}

function pathOf(url: string): string {
  if (url.startsWith("/")) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return ""; // safeCallbackPath's fallback
  }
}

/** Where the confirmation page's form posts: the callback with the same token. */
export function callbackAction(params: { token: string; email: string; callbackUrl?: string }): string {
  const query = new URLSearchParams({
    token: params.token,
    email: params.email,
    ...(params.callbackUrl ? { callbackUrl: params.callbackUrl } : {}),
  });
  return `${EMAIL_CALLBACK_PATH}?${query}`;
}
