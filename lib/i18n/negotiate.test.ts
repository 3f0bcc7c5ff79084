import { describe, expect, it } from "vitest";
import { cookieValue, negotiateLocale } from "./negotiate";

const available = ["de", "en"];

describe("the language a person is answered in", () => {
  it("is their own choice when we have that language", () => {
    expect(negotiateLocale({ chosen: "en", acceptLanguage: "de-DE,de;q=0.9" }, available, "en")).toBe("en");
    expect(negotiateLocale({ chosen: "de", acceptLanguage: "en-GB" }, available, "en")).toBe("de");
  });

  it("else the browser's best match, regional variants included", () => {
    expect(negotiateLocale({ acceptLanguage: "de-AT,de;q=0.9,en;q=0.5" }, available, "en")).toBe("de");
    expect(negotiateLocale({ chosen: "fr", acceptLanguage: "fr-FR,de;q=0.7" }, available, "en")).toBe("de");
  });

  it("else the company default", () => {
    expect(negotiateLocale({ acceptLanguage: "ja-JP" }, available, "de")).toBe("de");
    expect(negotiateLocale({}, available, "de")).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "*;q=1,@@@" }, available, "en")).toBe("en");
  });

  it("reads the switcher's cookie from a raw Cookie header", () => {
    expect(cookieValue("a=1; NEXT_LOCALE=de; b=2", "NEXT_LOCALE")).toBe("de");
    expect(cookieValue(null, "NEXT_LOCALE")).toBeUndefined();
  });
});
