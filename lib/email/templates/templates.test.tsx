import { describe, expect, it } from "vitest";
import { renderDataReadyEmail } from "./data-ready-email";
import { renderSignInEmail } from "./sign-in-email";

describe("email templates", () => {
  it("puts the sign-in link in both the HTML and the plain-text part", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?token=abc&email=alex%40example.com";
    const email = await renderSignInEmail({ url, companyName: "StreamPay", expiresInMinutes: 15 });
    expect(email.subject).toBe("Sign in to the StreamPay Privacy Center");
    expect(email.html).toContain(url.replaceAll("&", "&amp;"));
    expect(email.text).toContain(url);
    expect(email.text).toContain("expires in 15 minutes");
  });

  it("tells the customer until when the download works", async () => {
    const email = await renderDataReadyEmail({
      companyName: "StreamPay",
      reference: "DSR-2026-000123",
      downloadUrl: "http://localhost:3000/privacy-center/requests/r1/download?token=t",
      expiresAt: new Date("2026-12-01T10:00:00Z"),
    });
    expect(email.subject).toContain("DSR-2026-000123");
    expect(email.text).toContain("until 1 December 2026");
    expect(email.text).toContain("/privacy-center/requests/r1/download?token=t");
  });
});
