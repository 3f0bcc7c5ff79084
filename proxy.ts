import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: a visitor with no session cookie is sent to sign-in before the page renders.
// Real authorisation happens in lib/dal on every read and write.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?${new URLSearchParams({ callbackUrl: `${request.nextUrl.pathname}${request.nextUrl.search}` })}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/admin/:path*", "/privacy-center/request", "/privacy-center/requests/:path*"],
};
