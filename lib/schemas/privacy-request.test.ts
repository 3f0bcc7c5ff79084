import { describe, expect, it } from "vitest";
import { newPrivacyRequestSchema, requestFormInput } from "./privacy-request";

describe("a new privacy request", () => {
  it("defaults to every source in both formats", () => {
    expect(newPrivacyRequestSchema.parse({ type: "ACCESS" })).toMatchObject({
      type: "ACCESS",
      sourceKeys: [],
      formats: ["JSON", "CSV"],
    });
  });

  it("treats choosing every source as choosing all, and keeps a narrower choice", () => {
    const all = ["profile", "orders", "billing", "streams", "payouts", "support", "preferences", "activity"];
    expect(newPrivacyRequestSchema.parse({ type: "ACCESS", sourceKeys: all }).sourceKeys).toEqual([]);
    expect(newPrivacyRequestSchema.parse({ type: "PORTABILITY", sourceKeys: ["orders", "orders"] }).sourceKeys).toEqual(
      ["orders"],
    );
  });

  it("includes the whole last day of a date range", () => {
    const parsed = newPrivacyRequestSchema.parse({ type: "ACCESS", rangeFrom: "2025-01-01", rangeTo: "2025-01-31" });
    expect(parsed.rangeTo?.toISOString()).toBe("2025-02-01T00:00:00.000Z");
  });

  it.each([
    [{ type: "EVERYTHING" }, "type"],
    [{ type: "ACCESS", sourceKeys: ["secrets"] }, "sourceKeys"],
    [{ type: "ACCESS", sourceKeys: "orders" }, "sourceKeys"],
    [{ type: "ACCESS", formats: [] }, "formats"],
    [{ type: "ACCESS", formats: ["PDF"] }, "formats"],
    [{ type: "ACCESS", rangeFrom: "not a date" }, "rangeFrom"],
    [{ type: "ACCESS", rangeFrom: "2025-03-01", rangeTo: "2025-01-01" }, "rangeTo"],
    [{ type: "ACCESS", rangeFrom: "2999-01-01" }, "rangeFrom"],
    [{ type: "ACCESS", sourceKeys: ["x".repeat(10_000)] }, "sourceKeys"],
    [{ type: "ACCESS", rangeFrom: "-200000-01-01" }, "rangeFrom"],
    [{ type: "ACCESS", rangeTo: "+275760-09-13" }, "rangeTo"],
    [{ type: "ACCESS", rangeFrom: "1969-12-31" }, "rangeFrom"],
    [{ type: "ACCESS", rangeFrom: "2025-01-01\u0000" }, "rangeFrom"],
    [{ type: "ACCESS", rangeTo: 8.64e15 }, "rangeTo"],
  ])("refuses %j with a message on %s", (input, field) => {
    const result = newPrivacyRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((issue) => issue.path[0] === field && issue.message.length > 5)).toBe(true);
  });
});

describe("the request form's fields for someone else", () => {
  const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], "m.pdf");
  const base = { type: "ACCESS", formats: ["JSON"], sourceKeys: [] };

  it("asks only for the confirmation when the request is for the person's own data", () => {
    const parsed = requestFormInput.safeParse({ ...base, onBehalf: "no" });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["confirm", "errors.confirmRequired"],
    ]);
  });

  it("for someone else needs their email, the relationship, a mandate and the agent's own confirmation", () => {
    const parsed = requestFormInput.safeParse({ ...base, onBehalf: "yes", subjectEmail: "", mandate: undefined });
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["subjectEmail", "errors.subjectEmailRequired"],
        ["relationship", "errors.relationshipRequired"],
        ["mandate", "errors.mandateMissing"],
        ["confirm", "errors.confirmAgentRequired"],
      ]),
    );
    const ok = requestFormInput.parse({
      ...base,
      onBehalf: "yes",
      subjectEmail: " Kid@Example.org ",
      relationship: "PARENT_OR_GUARDIAN",
      mandate: pdf,
      confirm: "yes",
    });
    expect(ok).toMatchObject({
      onBehalf: "yes",
      subjectEmail: "kid@example.org",
      relationship: "PARENT_OR_GUARDIAN",
      mandate: pdf,
    });
  });
});
