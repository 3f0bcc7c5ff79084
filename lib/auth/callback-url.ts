/**
 * Where to send someone after sign-in. Only same-origin paths are accepted; anything else
 * (another host, a protocol-relative `//evil.example`, a backslash trick, a javascript: URL)
 * falls back to `fallback`, so the sign-in flow can never become an open redirect.
 */
export function safeCallbackPath(value: unknown, fallback = "/privacy-center"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const base = "http://portal.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** Same rule for an absolute URL Auth.js hands us: keep it only if it is on our own origin. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${safeCallbackPath(url)}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === new URL(baseUrl).origin)
      return `${baseUrl}${safeCallbackPath(`${parsed.pathname}${parsed.search}`)}`;
  } catch {
    // fall through
  }
  return `${baseUrl}/privacy-center`;
}
