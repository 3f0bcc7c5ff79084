import { describe, expect, it } from "vitest";
import { identityDecisionSchema } from "./identity-decision";
import { signInSchema } from "./sign-in";

// The messages a reviewer and a signing-in visitor see for bad input.

const requestId = "5b0c3a4e-8f0e-4c4b-9d64-1f3a2b9c7d10";
const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("identityDecisionSchema", () => {
  it("accepts an approval without a reason and a rejection with one", () => {
    expect(identityDecisionSchema.parse({ requestId, decision: "APPROVED", reason: "" })).toEqual({ requestId, decision: "APPROVED" });
    expect(identityDecisionSchema.parse({ requestId, decision: "REJECTED", reason: "  Name does not match  " })).toMatchObject({ reason: "Name does not match" });
  });

  it("asks for a reason when rejecting, and refuses unknown ids and decisions", () => {
    expect(firstMessage(identityDecisionSchema.safeParse({ requestId, decision: "REJECTED", reason: "" }))).toBe("Say why the identity check is rejected; the customer is told.");
    expect(firstMessage(identityDecisionSchema.safeParse({ requestId: "42", decision: "APPROVED" }))).toBe("Unknown request.");
    expect(firstMessage(identityDecisionSchema.safeParse({ requestId, decision: "MAYBE" }))).toBe("Choose approve or reject.");
  });
});

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
