import { NextResponse, type NextRequest } from "next/server";
import { apiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/http/security-headers";

// Runs on every request: it sets the security headers (the one place they are set) and, for the
// signed-in areas, sends a visitor with no session cookie to sign-in before the page renders.
// That redirect is optimistic only: real authorisation happens in lib/dal on every read and write.

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = [/^\/admin(\/|$)/, /^\/privacy-center\/request$/, /^\/privacy-center\/requests(\/|$)/];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = createNonce();
  const https = request.nextUrl.protocol === "https:";
  const policy = contentSecurityPolicy({ nonce, https, development: env().NODE_ENV === "development" });
  const headers = securityHeaders({ pathname, policy, https });

  const response = isMalformed(request)
    ? notFound(request, policy)
    : needsSignIn(request)
      ? redirectToSignIn(request)
      : NextResponse.next({ request: { headers: withPolicy(request.headers, policy) } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
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

function notFound(request: NextRequest, policy: string): Response {
  if (request.nextUrl.pathname.startsWith("/api/")) return apiError("not_found", "There is nothing at that address.");
  // Any path no route matches renders app/not-found.tsx with status 404, like every unknown page.
  return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404, request: { headers: withPolicy(request.headers, policy) } });
}

function needsSignIn(request: NextRequest): boolean {
  return SIGNED_IN_AREAS.some((area) => area.test(request.nextUrl.pathname)) && !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function redirectToSignIn(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?${new URLSearchParams({ callbackUrl: `${request.nextUrl.pathname}${request.nextUrl.search}` })}`;
  return NextResponse.redirect(url);
}

/** Next.js reads the nonce for its own scripts from the request's CSP header while rendering. */
function withPolicy(incoming: Headers, policy: string): Headers {
  const forwarded = new Headers(incoming);
  forwarded.set("Content-Security-Policy", policy);
  return forwarded;
}

export const config = {
  // Everything but the build's immutable assets, which carry no markup to protect.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
