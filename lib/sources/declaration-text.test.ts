import { describe, expect, it } from "vitest";
import { completenessDescription } from "./declaration-text";

describe("completeness in the review console", () => {
  it("counts records in plain English, one record or many", () => {
    expect(completenessDescription("DONE", 1)).toBe("Answered completely: 1 record.");
    expect(completenessDescription("DONE", 0)).toBe("Answered completely: 0 records.");
    expect(completenessDescription("DONE", 10500)).toBe("Answered completely: 10,500 records.");
  });

  it("never calls a source complete before it has answered everything", () => {
    for (const status of ["PENDING", "COLLECTING", "FAILED"] as const)
      expect(completenessDescription(status, 5)).not.toMatch(/Answered completely/);
  });
});
