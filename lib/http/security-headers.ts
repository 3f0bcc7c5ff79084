// The web's security headers for every page and route, applied once by proxy.ts.
// CSP with a per-request nonce follows Next.js's guide (docs/app/guides/content-security-policy):
// Next reads the nonce from the request's Content-Security-Policy header and puts it on its own
// scripts, so no page has to. OWASP Secure Headers Project for the rest.

export type PolicyInput = {
  nonce: string;
  https: boolean;
  /**
   * `next dev`: React needs eval for its debugging stacks, HMR talks over a websocket, and the dev
   * overlay (the Next.js indicator) injects `<style>` elements without a nonce.
   */
  development: boolean;
};

/** Pages and routes whose URL or body carries a signed link or token: nothing may leak it onward. */
const SIGNED_LINK_PATHS = [
  /^\/privacy-center\/requests\/[^/]+(\/download)?\/?$/,
  /^\/api\/v1\/exports\/[^/]+\/?$/,
  /^\/sign-in\/confirm\/?$/,
  // The data subject's objection link (lib/mandates/objection-token.ts).
  /^\/privacy-center\/object\/?$/,
];

export function referrerPolicyFor(pathname: string): "no-referrer" | "strict-origin-when-cross-origin" {
  return SIGNED_LINK_PATHS.some((pattern) => pattern.test(pathname))
    ? "no-referrer"
    : "strict-origin-when-cross-origin";
}

export function contentSecurityPolicy({ nonce, https, development }: PolicyInput): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonced script are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // In `next dev` the overlay's own <style> elements carry no nonce: blocked, it shows as an
    // unstyled grey box over every page and floods the console. A nonce in the list disables
    // 'unsafe-inline' (CSP3 §6.7.3.2), so dev lists none. Production stays nonce-only.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Server-rendered style attributes (progress bar widths) cannot carry a nonce; an attribute
    // style cannot run script, so allowing them costs little (CSP3 style-src-attr).
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (localhost) upgrading would break every asset.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every response's headers; `policy` is the request's contentSecurityPolicy(). */
export function securityHeaders(input: { pathname: string; policy: string; https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": input.policy,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": referrerPolicyFor(input.pathname),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // RFC 6797 §7.2: a browser ignores HSTS received over http, so send it only over https.
    ...(input.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: unguessable and fresh for every response (CSP3 §7.1). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
