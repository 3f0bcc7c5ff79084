import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, referrerPolicyFor, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("lets only nonced scripts run and forbids framing, plugins, base and form hijacking", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", https: false, development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
      expect(policy).toContain(directive);
    expect(policy).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(contentSecurityPolicy({ nonce: "n", https: false, development: true })).toContain("'unsafe-eval'");
  });

  it("allows inline styles only in next dev, for its overlay, and keeps production styles nonce-only", () => {
    expect(contentSecurityPolicy({ nonce: "abc123", https: false, development: false })).toContain(
      "style-src 'self' 'nonce-abc123';",
    );
    const dev = contentSecurityPolicy({ nonce: "abc123", https: false, development: true });
    expect(dev).toContain("style-src 'self' 'unsafe-inline';");
    // A nonce next to 'unsafe-inline' would make the browser ignore 'unsafe-inline'.
    expect(dev).not.toMatch(/style-src [^;]*nonce-/);
  });

  it("sends HSTS and upgrades requests only over https", () => {
    const policy = contentSecurityPolicy({ nonce: "n", https: true, development: false });
    expect(policy).toContain("upgrade-insecure-requests");
    expect(securityHeaders({ pathname: "/", policy, https: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=\d+/,
    );
    expect(securityHeaders({ pathname: "/", policy, https: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("sends no Referer from pages and routes that carry a signed link or token", () => {
    for (const path of [
      "/privacy-center/requests/8f0c",
      "/privacy-center/requests/8f0c/download",
      "/api/v1/exports/8f0c",
      "/sign-in/confirm",
      "/privacy-center/object",
    ]) {
      expect(referrerPolicyFor(path), path).toBe("no-referrer");
    }
    for (const path of ["/", "/privacy-center", "/privacy-center/request", "/admin/requests/8f0c", "/api/v1/exports"]) {
      expect(referrerPolicyFor(path), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
