import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// The link in the "your data is ready" email carries this token: an HMAC over the request, the
// archive and an expiry. It proves the link came from us and has not been altered; the download
// still requires the owner's session (lib/dal), so a forwarded link alone opens nothing.

export type DownloadGrant = { requestId: string; archiveId: string; expiresAt: Date };

export type DownloadTokenCheck =
  { ok: true; grant: DownloadGrant } | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

// A key of its own, derived from AUTH_SECRET, so a token can never double as a session value.
function signingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "privacy-portal", "download-token-v1", 32));
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", signingKey(secret)).update(payload).digest("base64url");
}

export function createDownloadToken(grant: DownloadGrant, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ r: grant.requestId, a: grant.archiveId, e: Math.floor(grant.expiresAt.getTime() / 1000) }),
  ).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyDownloadToken(token: string, secret: string, now: Date = new Date()): DownloadTokenCheck {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1024) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad-signature" };
  let claims: { r?: unknown; a?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims.r !== "string" || typeof claims.a !== "string" || typeof claims.e !== "number")
    return { ok: false, reason: "malformed" };
  const expiresAt = new Date(claims.e * 1000);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, grant: { requestId: claims.r, archiveId: claims.a, expiresAt } };
}
