import { describe, expect, it } from "vitest";
import { daysLeft } from "./days-left";
import { dueDate, extendedDueDate } from "./legal-clock";

const day = (iso: string) => dueDate(new Date(iso)).toISOString().slice(0, 10);

describe("the legal clock (Art. 12(3))", () => {
  it("gives until the same date next month", () => {
    expect(day("2026-03-15T09:30:00Z")).toBe("2026-04-15");
    expect(day("2026-12-10T00:00:00Z")).toBe("2027-01-10");
  });

  it("gives until the month's last day when that date does not exist", () => {
    expect(day("2026-01-31T12:00:00Z")).toBe("2026-02-28");
    expect(day("2028-01-31T12:00:00Z")).toBe("2028-02-29"); // leap year
    expect(day("2026-03-31T12:00:00Z")).toBe("2026-04-30");
    expect(day("2026-01-29T12:00:00Z")).toBe("2026-02-28");
  });

  it("runs to the end of the deadline day", () => {
    expect(dueDate(new Date("2026-03-15T09:30:00Z")).toISOString()).toBe("2026-04-15T23:59:59.999Z");
  });

  it("extends by up to two further months, counted from receipt", () => {
    const received = new Date("2026-01-31T12:00:00Z");
    expect(extendedDueDate(received, 1).toISOString().slice(0, 10)).toBe("2026-03-31");
    expect(extendedDueDate(received, 2).toISOString().slice(0, 10)).toBe("2026-04-30");
    expect(() => extendedDueDate(received, 3)).toThrow(/one or two further months/);
    expect(() => extendedDueDate(received, 0)).toThrow(RangeError);
  });

  it("counts whole days left, negative once overdue", () => {
    const due = new Date("2026-04-15T23:59:59.999Z");
    expect(daysLeft(due, new Date("2026-04-14T12:00:00Z"))).toBe(2);
    expect(daysLeft(due, new Date("2026-04-17T12:00:00Z"))).toBe(-1);
  });
});
