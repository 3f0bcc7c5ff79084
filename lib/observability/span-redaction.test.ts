import { describe, expect, it } from "vitest";
import { redactAttributes } from "./span-redaction";

describe("what a span may carry out of the portal", () => {
  it("keeps a request's path but not its query, where download and sign-in links carry their secrets", () => {
    const redacted = redactAttributes({
      "http.target": "/api/auth/callback/nodemailer?token=abc123&email=alex%40example.com",
      "url.full": "https://privacy.example.com/privacy-center/requests/r1/download?token=eyJhbGciOi",
      "url.query": "token=abc",
      "http.route": "/privacy-center/requests/[id]/download",
      "http.status_code": 200,
    });
    expect(redacted).toEqual({
      "http.target": "/api/auth/callback/nodemailer?[redacted]",
      "url.full": "https://privacy.example.com/privacy-center/requests/r1/download?[redacted]",
      "url.query": "[redacted]",
      "http.route": "/privacy-center/requests/[id]/download",
      "http.status_code": 200,
    });
  });

  it("masks an address or a token anywhere else", () => {
    expect(redactAttributes({ "exception.message": "no account for sam@example.com", note: "see ?token=xyz" })).toEqual(
      {
        "exception.message": "no account for [email]",
        note: "see ?token=[redacted]",
      },
    );
  });
});
