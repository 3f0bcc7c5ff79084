import { ApiError } from "./errors";

// Cookie-authenticated writes must come from our own pages (OWASP CSRF Prevention Cheat Sheet:
// "Fetch Metadata" and "Verifying Origin with standard headers"). A browser always sends
// Sec-Fetch-Site and Origin on a cross-site POST and a page cannot forge either; a request with
// neither is refused too, so an API client says where it comes from with `Origin`.

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Throws `cross_site_request` unless a write comes from one of `trustedOrigins` or the request's own origin. */
export function assertSameOriginWrite(request: Request, trustedOrigins: readonly string[] = []): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  // Fetch Metadata decides when the browser sends it: a page under Referrer-Policy no-referrer
  // posts with `Origin: null`, yet Sec-Fetch-Site still says same-origin.
  const allowed = fetchSite ? fetchSite === "same-origin" : !!origin && isOwnOrigin(request, origin, trustedOrigins);
  if (!allowed) {
    throw new ApiError(
      "cross_site_request",
      "This request did not come from the privacy portal's own pages, so it was refused.",
    );
  }
}

export type BodyType = "application/json" | "multipart/form-data";

/** Throws `unsupported_media_type` unless a write's body is declared as `expected` (JSON, or a file's multipart). */
export function assertJsonBody(request: Request, expected: BodyType = "application/json"): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== expected) {
    throw new ApiError(
      "unsupported_media_type",
      expected === "application/json"
        ? "Send the request body as JSON with Content-Type: application/json."
        : "Send the request body as multipart/form-data (it carries a file).",
    );
  }
}

function isOwnOrigin(request: Request, origin: string, trustedOrigins: readonly string[]): boolean {
  if (origin === "null") return false;
  const own = new URL(request.url);
  // Behind a proxy the app may see http://host:port while the browser was on https://host.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? own.host;
  try {
    const claimed = new URL(origin);
    return (
      claimed.origin === own.origin ||
      claimed.host === host ||
      trustedOrigins.some((trusted) => new URL(trusted).origin === claimed.origin)
    );
  } catch {
    return false;
  }
}
