import { describe, expect, it } from "vitest";
import { consumeSignInEmail } from "./sign-in-limits";

describe("sign-in email limits", () => {
  it("allows five links an hour per address, then says when to try again", async () => {
    for (let i = 0; i < 5; i++)
      expect(await consumeSignInEmail("Alex@Example.com", `198.51.100.${i}`)).toEqual({ allowed: true });
    const refused = await consumeSignInEmail("alex@example.com", "198.51.100.77");
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterMinutes).toBeGreaterThanOrEqual(59);
    // Another address is unaffected.
    expect(await consumeSignInEmail("sam@example.com", "198.51.100.78")).toEqual({ allowed: true });
  });

  it("caps one IP across many addresses", async () => {
    for (let i = 0; i < 20; i++)
      expect((await consumeSignInEmail(`user${i}@example.com`, "203.0.113.5")).allowed).toBe(true);
    expect((await consumeSignInEmail("user99@example.com", "203.0.113.5")).allowed).toBe(false);
  });
});
