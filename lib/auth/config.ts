import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { audit } from "@/lib/audit";
import { requestContext, requestContextFrom } from "@/lib/audit/request-context";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { renderSignInEmail } from "@/lib/email/templates/sign-in-email";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { savedLocaleOf } from "@/lib/i18n/account-locale";
import { localeFromHeaders } from "@/lib/i18n/visitor-locale";
import { safeRedirectUrl } from "./callback-url";
import { confirmationLink } from "./magic-link";
import { consumeSignInEmail } from "./sign-in-limits";
import { authLogger, SignInLimitError } from "./sign-in-refusal";

export const MAGIC_LINK_MINUTES = 15;

const magicLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url, request }) {
    // Enforced here, not only in the sign-in form, so a direct POST to /api/auth is limited too.
    const context = requestContextFrom(request.headers);
    const verdict = await consumeSignInEmail(identifier, context.ip ?? null);
    if (!verdict.allowed) throw new SignInLimitError(verdict.retryAfterMinutes);
    // In the language the person reads the portal in: their account's, else this browser's.
    const locale = localeFromHeaders(request.headers, await savedLocaleOf(identifier));
    const content = await renderSignInEmail({
      url: confirmationLink(url),
      companyName: env().COMPANY_NAME,
      expiresInMinutes: MAGIC_LINK_MINUTES,
      locale,
    });
    await sendEmail({ to: identifier, ...content });
    await audit({
      actor: { type: "SYSTEM", name: "auth" },
      action: "auth.sign_in_link_requested",
      context,
      metadata: { email: identifier },
    });
  },
};

export function authConfig(): NextAuthConfig {
  const config = env();
  return {
    adapter: PrismaAdapter(db),
    secret: config.AUTH_SECRET,
    logger: authLogger,
    trustHost: config.AUTH_TRUST_HOST,
    providers: [magicLink],
    session: { strategy: "database", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/verify-request", error: "/sign-in" },
    callbacks: {
      session({ session, user }) {
        const { role = "CUSTOMER", locale = null } = user as { role?: Role; locale?: string | null };
        // Only what the portal reads (getViewer). Auth.js hands this callback the database session
        // row, token included, and serves what it returns at /api/auth/session: spread as is, page
        // scripts could read the token the httpOnly cookie keeps from them.
        return {
          expires: session.expires,
          user: { id: user.id, email: user.email, name: user.name ?? null, image: null, role, locale },
        };
      },
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    },
    events: {
      async createUser({ user }) {
        await audit({
          actor: { type: "SYSTEM", name: "auth" },
          action: "user.created",
          target: { type: "User", id: user.id! },
          metadata: { email: user.email },
        });
      },
      async signIn({ user }) {
        await audit({
          actor: { type: "USER", id: user.id!, email: user.email },
          action: "auth.signed_in",
          context: await requestContext(),
          metadata: { method: "magic-link" },
        });
      },
      async signOut(message) {
        const session = "session" in message ? message.session : null;
        if (!session) return;
        const user = await db.user.findUnique({ where: { id: session.userId }, select: { id: true, email: true } });
        if (user)
          await audit({
            actor: { type: "USER", id: user.id, email: user.email },
            action: "auth.signed_out",
            context: await requestContext(),
          });
      },
    },
  };
}
