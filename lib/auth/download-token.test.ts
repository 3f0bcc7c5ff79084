import { describe, expect, it } from "vitest";
import { createDownloadToken, verifyDownloadToken } from "./download-token";

const secret = "a-test-secret-that-is-long-enough-0123";
const grant = { requestId: "req-1", archiveId: "arc-1", expiresAt: new Date("2026-12-01T00:00:00Z") };
const now = new Date("2026-11-25T00:00:00Z");

describe("download tokens", () => {
  it("round-trips the request, archive and expiry", () => {
    expect(verifyDownloadToken(createDownloadToken(grant, secret), secret, now)).toEqual({ ok: true, grant });
  });

  it("refuses a token after its expiry", () => {
    const token = createDownloadToken(grant, secret);
    expect(verifyDownloadToken(token, secret, new Date("2026-12-01T00:00:01Z"))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a token whose request was swapped for another", () => {
    const [payload, signature] = createDownloadToken(grant, secret).split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, r: "someone-elses-request" })).toString("base64url");
    expect(verifyDownloadToken(`${forged}.${signature}`, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses a token signed with another secret, and garbage", () => {
    const token = createDownloadToken(grant, "another-secret-that-is-long-enough-xyz");
    expect(verifyDownloadToken(token, secret, now)).toMatchObject({ ok: false, reason: "bad-signature" });
    for (const junk of ["", "abc", "a.b.c", "....", "x".repeat(5000)])
      expect(verifyDownloadToken(junk, secret, now).ok).toBe(false);
  });
});
