import { type NextRequest, NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { assertSameOriginWrite } from "@/lib/api/same-origin";
import { handlers } from "@/lib/auth";
import { CONFIRM_PATH, EMAIL_CALLBACK_PATH } from "@/lib/auth/magic-link";

/** A GET of the email callback (a mail scanner, an old link) shows the confirmation page and spends nothing. */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    const confirm = new URL(CONFIRM_PATH, request.nextUrl);
    confirm.search = request.nextUrl.search;
    return NextResponse.redirect(confirm, 303);
  }
  return handlers.GET(request);
}

/** The confirmation page's POST signs in; from another site it is refused (no login CSRF). */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    try {
      assertSameOriginWrite(request);
    } catch (error) {
      if (error instanceof ApiError) return new NextResponse(error.message, { status: error.status });
      throw error;
    }
  }
  return handlers.POST(request);
}
