import { describe, expect, it } from "vitest";
import { securityTxt } from "./security-txt";

describe("security.txt", () => {
  const now = new Date("2026-12-02T13:30:45.678Z");
  const text = securityTxt({
    contact: "mailto:security@example.com",
    canonical: "https://privacy.example.com/.well-known/security.txt",
    policy: "https://example.com/disclosure",
    languages: ["en", "de"],
    now,
  });
  const field = (name: string) => text.match(new RegExp(`^${name}: (.*)$`, "m"))?.[1];

  it("names the contact and where the file lives", () => {
    expect(field("Contact")).toBe("mailto:security@example.com");
    expect(field("Canonical")).toBe("https://privacy.example.com/.well-known/security.txt");
    expect(field("Policy")).toBe("https://example.com/disclosure");
    expect(field("Preferred-Languages")).toBe("en, de");
  });

  it("expires within a year of now, in RFC 3339 UTC", () => {
    const expires = field("Expires")!;
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const ahead = new Date(expires).getTime() - now.getTime();
    expect(ahead).toBeGreaterThan(300 * 24 * 3600 * 1000);
    expect(ahead).toBeLessThan(365 * 24 * 3600 * 1000);
  });

  it("leaves out the optional fields when they are not configured", () => {
    const bare = securityTxt({
      contact: "mailto:a@b.example",
      canonical: "https://b.example/.well-known/security.txt",
      now,
    });
    expect(bare).not.toMatch(/^Policy:/m);
    expect(bare).not.toMatch(/^Preferred-Languages:/m);
    expect(bare.endsWith("\n")).toBe(true);
  });
});
