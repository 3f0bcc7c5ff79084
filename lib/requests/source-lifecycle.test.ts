import { describe, expect, it } from "vitest";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import {
  archivedStatus,
  canMoveSource,
  isCollected,
  isCollecting,
  isSettled,
  isSourceFailed,
  SOURCE_STATUSES,
  sourceStatusesLeadingTo,
  STAFF_SOURCE_STATUS_LABEL,
} from "./source-lifecycle";
import { sourceMoveFrom, sourceMoveSql } from "./source-transition";

// Written out by hand, not derived from the module: a move added to or dropped from the table
// without this list changing fails here.
const ALLOWED: [SourceStatus, SourceStatus][] = [
  ["PENDING", "COLLECTING"],
  ["PENDING", "FAILED"],
  ["COLLECTING", "COLLECTING"],
  ["COLLECTING", "DONE"],
  ["COLLECTING", "FAILED"],
  ["DONE", "COLLECTING"],
  ["FAILED", "PENDING"],
];

const allMoves = SOURCE_STATUSES.flatMap((from) => SOURCE_STATUSES.map((to) => [from, to] as const));
const isAllowed = (from: SourceStatus, to: SourceStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe("source lifecycle", () => {
  it.each(allMoves.filter(([from, to]) => isAllowed(from, to)))("allows %s → %s", (from, to) => {
    expect(canMoveSource(from, to)).toBe(true);
    expect(sourceMoveFrom(to, [from])).toEqual([from]);
  });

  it.each(allMoves.filter(([from, to]) => !isAllowed(from, to)))("refuses %s → %s", (from, to) => {
    expect(canMoveSource(from, to)).toBe(false);
    expect(() => sourceMoveFrom(to, [from])).toThrow(`The source lifecycle has no move from ${from} to ${to}.`);
  });

  it("collects a failed source again only once staff reopen it", () => {
    expect(sourceStatusesLeadingTo("COLLECTING")).toEqual(["PENDING", "COLLECTING", "DONE"]);
    expect(sourceStatusesLeadingTo("PENDING")).toEqual(["FAILED"]);
    expect(sourceStatusesLeadingTo("DONE")).toEqual(["COLLECTING"]);
  });

  it("names each status once, and puts every source into the archive as collected or failed", () => {
    for (const status of SOURCE_STATUSES) {
      const named = [isCollected, isSourceFailed, isCollecting].filter((is) => is(status));
      expect(named.length).toBe(status === "PENDING" ? 0 : 1);
      expect(isSettled(status)).toBe(status === "DONE" || status === "FAILED");
      expect(archivedStatus(status)).toBe(status === "DONE" ? "DONE" : "FAILED");
      expect(STAFF_SOURCE_STATUS_LABEL[status].length).toBeGreaterThan(0);
    }
  });

  it("writes the one-statement move's status and guard from the lifecycle, as bound values", () => {
    const done = sourceMoveSql("DONE");
    expect(done.set.sql).toBe(`status = ?::"SourceStatus"`);
    expect(done.set.values).toEqual(["DONE"]);
    expect(done.guard.sql).toBe("status::text IN (?)");
    expect(done.guard.values).toEqual(["COLLECTING"]);
    const attempt = sourceMoveSql("COLLECTING", { table: "s" });
    expect(attempt.guard.sql).toBe("s.status::text IN (?,?,?)");
    expect(attempt.guard.values).toEqual(["PENDING", "COLLECTING", "DONE"]);
    expect(() => sourceMoveSql("DONE", { from: ["FAILED"] })).toThrow("no move from FAILED to DONE");
  });
});
