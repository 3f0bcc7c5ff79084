import { describe, expect, it } from "vitest";
import { countOf } from "./counts";

describe("counts in the review console", () => {
  it("says 1 record, 0 records and 8,974 records", () => {
    expect(countOf(1, "record", "records")).toBe("1 record");
    expect(countOf(0, "record", "records")).toBe("0 records");
    expect(countOf(8974, "record", "records")).toBe("8,974 records");
    expect(countOf(1, "time", "times")).toBe("1 time");
  });
});
