import { describe, expect, it } from "vitest";
import { escapeHtml, webUrl } from "./html-escape";

describe("escapeHtml", () => {
  it("neutralises markup and attribute breakouts", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml(`' onmouseover='x`)).toBe("&#39; onmouseover=&#39;x");
    expect(escapeHtml("Tom & Jerry")).toBe("Tom &amp; Jerry");
  });

  it("escapes an already-escaped value again rather than trusting it", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });

  it("writes null and undefined as empty text", () => {
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(42)).toBe("42");
  });
});

describe("webUrl", () => {
  it("accepts http(s) links only", () => {
    expect(webUrl("https://www.edpb.europa.eu/")).toBe("https://www.edpb.europa.eu/");
    expect(webUrl("javascript:alert(1)")).toBeNull();
    expect(webUrl("data:text/html,<script>")).toBeNull();
    expect(webUrl("not a url")).toBeNull();
  });
});
