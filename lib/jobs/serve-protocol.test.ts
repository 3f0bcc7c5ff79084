import { describe, expect, it } from "vitest";
import { describeError, sleepEndsAt } from "./serve-protocol";

const now = new Date("2026-11-23T10:00:00Z");

describe("reading the SDK's ops", () => {
  it("ends a step.sleep after the duration the SDK wrote in the op's name", () => {
    expect(sleepEndsAt({ op: "Sleep", id: "x", name: "1s" }, now)).toEqual(new Date("2026-11-23T10:00:01Z"));
    expect(sleepEndsAt({ op: "Sleep", id: "x", name: "1d2h30m" }, now)).toEqual(new Date("2026-11-24T12:30:00Z"));
    expect(sleepEndsAt({ op: "Sleep", id: "x", name: "1w" }, now)).toEqual(new Date("2026-11-30T10:00:00Z"));
  });

  it("ends a step.sleepUntil at the date the SDK wrote in the op's name", () => {
    expect(sleepEndsAt({ op: "Sleep", id: "x", name: "2026-12-01T08:00:00.000Z" }, now)).toEqual(
      new Date("2026-12-01T08:00:00Z"),
    );
  });

  it("refuses a sleep it cannot read instead of sleeping for no time", () => {
    expect(() => sleepEndsAt({ op: "Sleep", id: "x", displayName: "nap", name: "soon" }, now)).toThrow(/nap/);
  });

  it("describes serialized errors by name and message", () => {
    expect(describeError({ name: "TypeError", message: "the source is down", stack: "…" })).toBe(
      "TypeError: the source is down",
    );
    expect(describeError({ name: "Error", message: "plain" })).toBe("plain");
    expect(describeError({ error: "Could not find step" })).toBe("Could not find step");
    expect(describeError("text body")).toBe("text body");
  });
});
