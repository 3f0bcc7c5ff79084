import { type NextRequest, NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { assertSameOriginWrite } from "@/lib/api/same-origin";
import { handlers } from "@/lib/auth";
import { CONFIRM_PATH, EMAIL_CALLBACK_PATH } from "@/lib/auth/magic-link";
import { portalAddress, portalUrl, redirectOnPortal } from "@/lib/http/portal-url";

// Auth.js builds its redirects (after sign-in and sign-out, to its error page) on the request's
// address; each one goes to the portal's public address (PORTAL_URL) instead.

/** A GET of the email callback (a mail scanner, an old link) shows the confirmation page and spends nothing. */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    return NextResponse.redirect(portalAddress(`${CONFIRM_PATH}${request.nextUrl.search}`), 303);
  }
  return redirectOnPortal(await handlers.GET(request), request.url);
}

/** The confirmation page's POST signs in; from another site it is refused (no login CSRF). */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    try {
      // The portal's address too: behind a proxy, the request's own is Next.js's.
      assertSameOriginWrite(request, [portalUrl()]);
    } catch (error) {
      if (error instanceof ApiError) return new NextResponse(error.message, { status: error.status });
      throw error;
    }
  }
  return redirectOnPortal(await handlers.POST(request), request.url);
}
