import { describe, expect, it } from "vitest";
import { countOf, durationText } from "./counts";

describe("counts in the review console", () => {
  it("says 1 record, 0 records and 8,974 records", () => {
    expect(countOf(1, "record", "records")).toBe("1 record");
    expect(countOf(0, "record", "records")).toBe("0 records");
    expect(countOf(8974, "record", "records")).toBe("8,974 records");
    expect(countOf(1, "time", "times")).toBe("1 time");
  });

  it("writes a duration in minutes, hours or days: 41 seconds is not '1 hour'", () => {
    expect(durationText(41 / 86_400)).toBe("1 minute");
    expect(durationText(25 / 1_440)).toBe("25 minutes");
    expect(durationText(3 / 24)).toBe("3 hours");
    expect(durationText(2.5)).toBe("2.5 days");
  });
});
