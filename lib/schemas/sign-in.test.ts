import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translator";
import { signInSchema } from "./sign-in";

// The messages a signing-in visitor sees for bad input.

// The schema carries message keys; the person reads them in their language (here English).
const t = translator("en") as unknown as (key: string) => string;
const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  t(result.error?.issues[0]?.message ?? "");

describe("signInSchema", () => {
  it("trims and lower-cases the address", () => {
    expect(signInSchema.parse({ email: "  Alex@Example.COM " })).toEqual({ email: "alex@example.com" });
  });

  it.each([
    [{}, "Enter your email address."],
    [{ email: "   " }, "Enter your email address."],
    [{ email: "alex" }, "Enter an email address like name@example.com."],
    [{ email: `${"a".repeat(250)}@example.com` }, "That email address is too long."],
  ])("says what is wrong with %j", (input, message) => {
    expect(firstMessage(signInSchema.safeParse(input))).toBe(message);
  });
});
