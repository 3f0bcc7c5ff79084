import { describe, expect, it } from "vitest";
import { scrapeAccess } from "./scrape-access";

const TOKEN = "0123456789abcdef0123456789abcdef";

describe("who may scrape /api/metrics", () => {
  it("is nobody when no token is configured", () => {
    expect(scrapeAccess(`Bearer ${TOKEN}`, undefined)).toBe("disabled");
    expect(scrapeAccess(null, undefined)).toBe("disabled");
  });

  it("is whoever presents the token as a Bearer credential", () => {
    expect(scrapeAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    expect(scrapeAccess(`bearer ${TOKEN}`, TOKEN)).toBe("allowed");
  });

  it("refuses a missing, wrong, truncated or differently-schemed token", () => {
    expect(scrapeAccess(null, TOKEN)).toBe("refused");
    expect(scrapeAccess("", TOKEN)).toBe("refused");
    expect(scrapeAccess("Bearer ", TOKEN)).toBe("refused");
    expect(scrapeAccess(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe("refused");
    expect(scrapeAccess(`Bearer ${TOKEN}x`, TOKEN)).toBe("refused");
    expect(scrapeAccess(`Basic ${TOKEN}`, TOKEN)).toBe("refused");
    expect(scrapeAccess(TOKEN, TOKEN)).toBe("refused");
  });
});
