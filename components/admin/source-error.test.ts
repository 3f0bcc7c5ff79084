import { describe, expect, it } from "vitest";
import { plainSourceError } from "./source-error";

describe("a source's error in plain words", () => {
  it("names the likely cause a reviewer can act on", () => {
    expect(plainSourceError('relation "streampay.payouts" does not exist')).toMatch(/missing or was renamed/);
    expect(plainSourceError("connect ECONNREFUSED 127.0.0.1:4010")).toMatch(/could not be reached/);
    expect(plainSourceError("Stripe answered 401: Invalid API Key provided")).toMatch(/credentials/);
    expect(plainSourceError("Intercom answered 429")).toMatch(/rate limit/);
    expect(plainSourceError("something odd")).toBe("Collecting this source failed.");
  });
});
