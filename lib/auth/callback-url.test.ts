import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./callback-url";

describe("sign-in callback", () => {
  it("keeps a same-origin path with its query, so deep links survive sign-in", () => {
    expect(safeCallbackPath("/privacy-center/request?type=access")).toBe("/privacy-center/request?type=access");
    expect(safeCallbackPath("/admin")).toBe("/admin");
  });

  it.each([
    "https://evil.example/phish",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "privacy-center",
    "/%0d%0aLocation:%20x\r\n",
    "",
    42,
    undefined,
    `/${"a".repeat(3000)}`,
  ])("refuses %s and falls back", (value) => {
    expect(safeCallbackPath(value)).toBe("/privacy-center");
  });

  it("only redirects to the portal's own origin", () => {
    const base = "http://localhost:3000";
    expect(safeRedirectUrl("http://localhost:3000/admin?x=1", base)).toBe("http://localhost:3000/admin?x=1");
    expect(safeRedirectUrl("/privacy-center/request?type=portability", base)).toBe(
      "http://localhost:3000/privacy-center/request?type=portability",
    );
    expect(safeRedirectUrl("https://evil.example/", base)).toBe("http://localhost:3000/privacy-center");
    expect(safeRedirectUrl("//evil.example/", base)).toBe("http://localhost:3000/privacy-center");
  });
});
