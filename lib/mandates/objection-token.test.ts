import { describe, expect, it } from "vitest";
import { createDownloadToken, verifyDownloadToken } from "@/lib/auth/download-token";
import { createObjectionToken, verifyObjectionToken } from "./objection-token";

const secret = "s".repeat(40);
const grant = { mandateId: "6f1c3c1e-0d7e-4a51-9b0e-2d5f4b1a9c10", expiresAt: new Date("2026-12-31T00:00:00Z") };
const now = new Date("2026-12-02T00:00:00Z");

describe("the data subject's objection link", () => {
  it("names its mandate and expiry, and is accepted until it expires", () => {
    const token = createObjectionToken(grant, secret);
    expect(verifyObjectionToken(token, secret, now)).toEqual({ ok: true, grant });
    expect(verifyObjectionToken(token, secret, new Date("2027-01-01T00:00:00Z"))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("is refused when altered, signed with another secret or cut short", () => {
    const token = createObjectionToken(grant, secret);
    const [payload, signature] = token.split(".");
    const other = Buffer.from(JSON.stringify({ m: "another-mandate", e: 1_900_000_000 })).toString("base64url");
    expect(verifyObjectionToken(`${other}.${signature}`, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyObjectionToken(token, "t".repeat(40), now)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyObjectionToken(payload!, secret, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("is no download token, and a download token is no objection token", () => {
    const download = createDownloadToken(
      { requestId: grant.mandateId, archiveId: grant.mandateId, expiresAt: grant.expiresAt },
      secret,
    );
    expect(verifyObjectionToken(download, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyDownloadToken(createObjectionToken(grant, secret), secret, now)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
});
