import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// The "object to this request" link in the email to the data subject carries this token: an
// HMAC over the mandate and an expiry, under a key of its own derived from AUTH_SECRET (the same
// pattern as lib/auth/download-token.ts, another purpose, so neither token opens the other's door).
//
// Why a signed link and no sign-in: the token reaches only the subject's own inbox, which is what
// a magic link would prove too, and it can do one thing only, narrow the request (an objection
// never discloses anything). Asking the subject to make an account with us first would create
// one more record about them (Art. 5(1)(c) GDPR) and put a hurdle before an objection.

export type ObjectionGrant = { mandateId: string; expiresAt: Date };

export type ObjectionTokenCheck =
  { ok: true; grant: ObjectionGrant } | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

const signingKey = (secret: string) =>
  Buffer.from(hkdfSync("sha256", secret, "privacy-portal", "mandate-objection-v1", 32));
const sign = (payload: string, secret: string) =>
  createHmac("sha256", signingKey(secret)).update(payload).digest("base64url");

export function createObjectionToken(grant: ObjectionGrant, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ m: grant.mandateId, e: Math.floor(grant.expiresAt.getTime() / 1000) }),
  ).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyObjectionToken(token: string, secret: string, now: Date = new Date()): ObjectionTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 2 || token.length > 512) return { ok: false, reason: "malformed" };
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad-signature" };
  let claims: { m?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims.m !== "string" || typeof claims.e !== "number") return { ok: false, reason: "malformed" };
  const expiresAt = new Date(claims.e * 1000);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, grant: { mandateId: claims.m, expiresAt } };
}
