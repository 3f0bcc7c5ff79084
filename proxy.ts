import { NextResponse, type NextRequest } from "next/server";
import { ApiError, apiError } from "@/lib/api/errors";
import { assertSameOriginWrite } from "@/lib/api/same-origin";
import { sessionTokenIn } from "@/lib/auth/session-cookie";
import { portalDatabaseProbe } from "@/lib/database/probe";
import { env } from "@/lib/env";
import { databaseUnavailablePage } from "@/lib/http/database-unavailable-page";
import { portalUrl } from "@/lib/http/portal-url";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/http/security-headers";
import { localeFromHeaders } from "@/lib/i18n/visitor-locale";
import { assignRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-id";

// Runs on every request: it sets the security headers (the one place they are set) and, for the
// signed-in areas, sends a visitor with no session cookie to sign-in before the page renders.
// That redirect is optimistic only: real authorisation happens in lib/dal on every read and write.
// While the database is away it answers page requests with 503 itself (lib/database/probe.ts).
// It also names the request (lib/observability/request-id.ts): the handlers behind it log that id,
// and the response carries it, so a person reporting a problem can quote it.

const SIGNED_IN_AREAS = [/^\/admin(\/|$)/, /^\/privacy-center\/request$/, /^\/privacy-center\/requests(\/|$)/];
// Files in public/ and the metadata routes (manifest, security.txt) read no database: they stay
// reachable while it is away, as RFC 9116 asks of security.txt.
const NEEDS_NO_DATABASE =
  /^\/(robots\.txt|favicon\.(ico|svg)|logo\.svg|[\w-]+\.png|manifest\.webmanifest|\.well-known\/)/;

export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const https = request.nextUrl.protocol === "https:";
  const config = env();
  const policy = contentSecurityPolicy({ nonce, https, development: config.NODE_ENV === "development" });
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, policy, https });
  const trust = { hops: config.TRUSTED_PROXY_HOPS, onVercel: config.VERCEL ?? false };
  const requestId = assignRequestId(request.headers, trust);
  const forwarded = forwardedHeaders(request.headers, policy, requestId);
  const response = await respond(request, forwarded, nonce);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function respond(request: NextRequest, forwarded: Headers, nonce: string): Promise<Response> {
  if (isMalformed(request)) return notFound(request, forwarded);
  const refusal = crossSiteActionRefusal(request);
  if (refusal) return refusal;
  if (needsSignIn(request)) return redirectToSignIn(request);
  if (rendersPage(request)) {
    const databaseAnswers = (await portalDatabaseProbe()?.answers()) ?? true;
    // In the browser's language: the account's would need the database.
    if (!databaseAnswers) return databaseUnavailablePage({ locale: localeFromHeaders(request.headers), nonce });
  }
  return NextResponse.next({ request: { headers: forwarded } });
}

/** A path with a broken percent-escape (`/requests/%zz`) names nothing: Next.js would answer 500. */
function isMalformed(request: NextRequest): boolean {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return false;
  } catch {
    return true;
  }
}

function notFound(request: NextRequest, forwarded: Headers): Response {
  if (request.nextUrl.pathname.startsWith("/api/")) return apiError("not_found", "There is nothing at that address.");
  // Any path no route matches renders app/not-found.tsx with status 404, like every unknown page.
  return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404, request: { headers: forwarded } });
}

/**
 * A POST to a page is a server action (fetched, or a form's without JavaScript). From another site
 * Next.js refuses it too, but as a 500 with three error lines in the log, which any website can
 * cause at will; here it is the API's 403 (`Origin: null` included, which Next.js refuses too).
 * A POST that names no site at all is no browser's, and is left to Next.js's own check.
 */
function crossSiteActionRefusal(request: NextRequest): Response | null {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  if (!request.headers.has("sec-fetch-site") && !request.headers.has("origin")) return null;
  try {
    assertSameOriginWrite(request, [portalUrl()]);
    return null;
  } catch (error) {
    if (error instanceof ApiError) return apiError(error.code, error.message);
    throw error;
  }
}

function needsSignIn(request: NextRequest): boolean {
  return SIGNED_IN_AREAS.some((area) => area.test(request.nextUrl.pathname)) && !sessionTokenIn(request.cookies);
}

function redirectToSignIn(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?${new URLSearchParams({ callbackUrl: `${request.nextUrl.pathname}${request.nextUrl.search}` })}`;
  return NextResponse.redirect(url);
}

/**
 * A page (or a download) about to render: most read the database (every signed-in one, for the
 * session), and a render that fails on it can only answer 500. API routes answer their own JSON
 * 503 (lib/api/handler.ts) and server actions (POST) their own "try again"; Next.js's internal
 * paths need no database.
 */
function rendersPage(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const read = request.method === "GET" || request.method === "HEAD";
  return read && !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !NEEDS_NO_DATABASE.test(pathname);
}

/**
 * What the handlers see: Next.js reads the nonce for its own scripts from the request's CSP header
 * while rendering; the request id replaces whatever the client sent under that name.
 */
function forwardedHeaders(incoming: Headers, policy: string, requestId: string): Headers {
  const forwarded = new Headers(incoming);
  forwarded.set("Content-Security-Policy", policy);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  return forwarded;
}

export const config = {
  // Everything but the build's immutable assets, which carry no markup to protect.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
