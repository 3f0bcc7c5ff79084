// Mail filters open every link in an email before the person does (Microsoft Defender Safe
// Links, Proofpoint, Mimecast). Auth.js's email callback signs in on GET and spends the one-time
// token, so a scanner's visit would use it up. The emailed link opens a confirmation page
// instead; its "Sign in" button POSTs to the callback, which a scanner that only GETs never does.

export const CONFIRM_PATH = "/sign-in/confirm";
export const EMAIL_CALLBACK_PATH = "/api/auth/callback/email";

/** The link to email: the confirmation page, carrying Auth.js's token, email and callbackUrl. */
export function confirmationLink(authCallbackUrl: string): string {
  const callback = new URL(authCallbackUrl);
  const confirm = new URL(CONFIRM_PATH, callback.origin);
  confirm.search = callback.search;
  return confirm.toString();
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
