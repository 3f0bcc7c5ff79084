import { describe, expect, it } from "vitest";
import { newPrivacyRequestSchema } from "./privacy-request";

describe("a new privacy request", () => {
  it("defaults to every source in both formats", () => {
    expect(newPrivacyRequestSchema.parse({ type: "ACCESS" })).toMatchObject({ type: "ACCESS", sourceKeys: [], formats: ["JSON", "CSV"] });
  });

  it("treats choosing every source as choosing all, and keeps a narrower choice", () => {
    const all = ["profile", "orders", "billing", "streams", "payouts", "support", "preferences", "activity"];
    expect(newPrivacyRequestSchema.parse({ type: "ACCESS", sourceKeys: all }).sourceKeys).toEqual([]);
    expect(newPrivacyRequestSchema.parse({ type: "PORTABILITY", sourceKeys: ["orders", "orders"] }).sourceKeys).toEqual(["orders"]);
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
