import { describe, expect, it } from "vitest";
import { requestSignInLink, signOutAction } from "@/lib/actions/auth";
import { handlers } from "@/lib/auth";
import { db } from "@/lib/db";
import { browserRequest, callRoute, serve } from "@/test/next-request";
import { portalUrl } from "@/lib/http/portal-url";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { CONFIRM_PATH } from "./magic-link";

// Signing in as a customer does, through the real Auth.js handlers and our configuration: the
// form's server action emails a link (to the outbox here), the confirmation page's button posts
// it to Auth.js's callback, which opens a database session; signing out ends it. Each step is
// audited, and the link works once.

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The sign-in form posted from a browser that reads German (with `headers` of an attacker's choosing). */
const submitSignInForm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  serve(
    browserRequest("/sign-in", { method: "POST", headers: { "accept-language": "de-DE,de;q=0.9", ...headers } }),
    () => requestSignInLink(null, form(fields)),
  );

async function newestLink(email: string): Promise<{ subject: string; link: URL }> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const href = /href="([^"]*\/sign-in\/confirm[^"]*)"/.exec(mail.html)?.[1]?.replaceAll("&amp;", "&");
  return { subject: mail.subject, link: new URL(href!) };
}

/** What the confirmation page's "Sign in" button does: POST the link's token to Auth.js's callback. */
const pressSignIn = (link: URL) =>
  callRoute(
    handlers.POST,
    browserRequest(`/api/auth/callback/email${link.search}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    }),
  );

const sessionCookie = (response: Response) =>
  /authjs\.session-token=([^;]+)/.exec(response.headers.getSetCookie().join("\n"))?.[1];
const auditActions = async (email: string) =>
  (
    await db.auditEvent.findMany({
      where: { OR: [{ actorEmail: email }, { metadata: { path: ["email"], equals: email } }] },
      orderBy: { id: "asc" },
    })
  ).map((e) => e.action);

describe("signing in with a magic link", () => {
  it("emails a link in the reader's language, opens a session once, and signs out", async () => {
    const email = "new.customer@example.com";
    const asked = await submitSignInForm({
      email: "New.Customer@Example.com",
      callbackUrl: "/privacy-center/request?type=access",
    });
    expect(asked).toMatchObject({
      redirectedTo: `/verify-request?${new URLSearchParams({ callbackUrl: "/privacy-center/request?type=access" })}`,
    });

    const { subject, link } = await newestLink(email);
    expect(subject).toBe("Anmeldung im StreamPay Datenschutzcenter");
    // The email opens the confirmation page: a mail scanner's GET spends nothing.
    expect(link.pathname).toBe(CONFIRM_PATH);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);

    const signedIn = await pressSignIn(link);
    expect(signedIn.status).toBe(302);
    expect(
      new URL(signedIn.headers.get("location")!).pathname + new URL(signedIn.headers.get("location")!).search,
    ).toBe("/privacy-center/request?type=access");
    const token = sessionCookie(signedIn);
    expect(token).toBeTruthy();
    expect(await db.session.count({ where: { sessionToken: token, user: { email, role: "CUSTOMER" } } })).toBe(1);

    // The same link again: refused, and no second session.
    const again = await pressSignIn(link);
    expect(new URL(again.headers.get("location")!).searchParams.get("error")).toBe("Verification");
    expect(await db.session.count({ where: { user: { email } } })).toBe(1);

    // Page scripts may learn who is signed in, never the token the httpOnly cookie holds.
    const cookie = `authjs.session-token=${token}`;
    const session = await callRoute(handlers.GET, browserRequest("/api/auth/session", { cookie }));
    const body = await session.text();
    expect(JSON.parse(body)).toMatchObject({ user: { email, role: "CUSTOMER", locale: null } });
    expect(body).not.toContain(token!);

    const out = await serve(browserRequest("/privacy-center", { method: "POST", cookie }), () => signOutAction());
    expect(out).toMatchObject({ redirectedTo: expect.stringMatching(/\/$/) });
    expect(out.setCookies.join("\n")).toMatch(/authjs\.session-token=;/);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);

    expect(await auditActions(email)).toEqual([
      "auth.sign_in_link_requested",
      "user.created",
      "auth.signed_in",
      "auth.signed_out",
    ]);
  });

  it("emails a link to the portal's own address whatever host the request names", async () => {
    // Host header injection: someone asks for a link for their victim through a proxy that passes
    // their Host or X-Forwarded-Host; the victim's click would hand them the token.
    const email = "host.forgery@example.com";
    await submitSignInForm({ email }, { host: "evil.example", "x-forwarded-host": "evil.example" });
    await submitSignInForm({ email }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    const mails = await db.outboxEmail.findMany({ where: { to: email } });
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.html).not.toContain("evil.example");
      expect(mail.text).not.toContain("evil.example");
    }
    const { link } = await newestLink(email);
    expect(link.origin).toBe(portalUrl());
    expect(link.searchParams.get("callbackUrl")).toBe("/privacy-center");
  });

  it("behind a proxy, sends the browser on to the portal's address, never to the one Next.js was reached at", async () => {
    // Next.js names every request by its own host and port (localhost:3000 behind nginx), whatever
    // Host the proxy passed; Auth.js builds its redirects on that.
    const internal = "http://10.0.0.7:3000";
    const throughProxy = (link: URL, method: "GET" | "POST") =>
      callRoute(
        method === "GET" ? GET : POST,
        browserRequest(`${internal}/api/auth/callback/email${link.search}`, {
          method,
          headers: { host: "privacy.example.com", "x-forwarded-host": "privacy.example.com", origin: portalUrl() },
          ...(method === "POST" ? { body: "" } : {}),
        }),
      );
    const email = "behind.proxy@example.com";
    await submitSignInForm({ email, callbackUrl: "/privacy-center/request?type=access" });
    const { link } = await newestLink(email);

    const scanned = new URL((await throughProxy(link, "GET")).headers.get("location")!);
    expect(scanned.origin + scanned.pathname).toBe(`${portalUrl()}${CONFIRM_PATH}`);
    expect(scanned.search).toBe(link.search);
    const signedIn = await throughProxy(link, "POST");
    expect(signedIn.headers.get("location")).toBe(`${portalUrl()}/privacy-center/request?type=access`);
    expect(sessionCookie(signedIn)).toBeTruthy();
    const spent = new URL((await throughProxy(link, "POST")).headers.get("location")!);
    expect(spent.origin + spent.pathname).toBe(`${portalUrl()}/sign-in`);
    expect(spent.searchParams.get("error")).toBe("Verification");
  });

  it("explains a mistyped address next to the field, and a sixth link in an hour with the wait, in the reader's language", async () => {
    expect(await submitSignInForm({ email: "not-an-address" })).toMatchObject({
      value: { ok: false, fieldErrors: { email: ["Geben Sie eine E-Mail-Adresse wie name@example.com ein."] } },
    });

    const email = "eager@example.com";
    for (let i = 0; i < 5; i++) expect(await submitSignInForm({ email })).toHaveProperty("redirectedTo");
    const refused = await submitSignInForm({ email });
    expect(refused).toMatchObject({
      value: {
        ok: false,
        error: expect.stringMatching(
          /^Für diese Adresse wurden zu viele Anmelde-E-Mails angefordert\. Bitte versuchen Sie es in (59|60) Minuten/,
        ),
      },
    });
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(5);
    expect((await auditActions(email)).at(-1)).toBe("auth.sign_in_link_refused");
  });
});
