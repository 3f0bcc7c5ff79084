import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import {
  AWAITING_IDENTITY,
  AWAITING_RELEASE_REVIEW,
  CANCELLABLE_BY_CUSTOMER,
  CANCELLABLE_BY_STAFF,
  canTransition,
  CUSTOMER_TIMELINE,
  DELIVERED,
  DOWNLOADABLE,
  ENDED_WITHOUT_COPY,
  EXTENDABLE,
  IN_PROGRESS,
  OPEN,
  REQUEST_STATUSES,
  RETRYABLE,
  STAFF_STATUS_LABEL,
  statusesLeadingTo,
  TERMINAL,
  timelinePosition,
} from "./lifecycle";

// Written out by hand, not derived from the module: a move added to or dropped from the table
// without this list changing fails here (DESIGN.md, "Request lifecycle").
const ALLOWED: [RequestStatus, RequestStatus][] = [
  ["SUBMITTED", "IDENTITY_REVIEW"],
  ["SUBMITTED", "APPROVED"],
  ["SUBMITTED", "REJECTED"],
  ["SUBMITTED", "CANCELLED"],
  ["IDENTITY_REVIEW", "APPROVED"],
  ["IDENTITY_REVIEW", "REJECTED"],
  ["IDENTITY_REVIEW", "CANCELLED"],
  ["APPROVED", "COLLECTING"],
  ["APPROVED", "CANCELLED"],
  ["COLLECTING", "PACKAGING"],
  ["COLLECTING", "FAILED"],
  // Art. 15(4): held for a reviewer, then released to packaging (or cancelled by staff).
  ["COLLECTING", "RELEASE_REVIEW"],
  ["RELEASE_REVIEW", "PACKAGING"],
  ["RELEASE_REVIEW", "CANCELLED"],
  ["PACKAGING", "READY"],
  ["PACKAGING", "FAILED"],
  ["READY", "EXPIRED"],
  ["FAILED", "COLLECTING"],
  ["FAILED", "CANCELLED"],
];

const allMoves = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => [from, to] as const));
const isAllowed = (from: RequestStatus, to: RequestStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe("request lifecycle", () => {
  it.each(allMoves.filter(([from, to]) => isAllowed(from, to)))("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(statusesLeadingTo(to)).toContain(from);
  });

  it.each(allMoves.filter(([from, to]) => !isAllowed(from, to)))("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(statusesLeadingTo(to)).not.toContain(from);
  });

  it("offers a download only for READY, and counts READY and EXPIRED as delivered", () => {
    expect([...DOWNLOADABLE]).toEqual(["READY"]);
    expect([...DELIVERED]).toEqual(["READY", "EXPIRED"]);
  });

  it("splits every status into open or terminal, never both", () => {
    for (const status of REQUEST_STATUSES) expect(OPEN.has(status) !== TERMINAL.has(status)).toBe(true);
    expect([...TERMINAL].sort()).toEqual(["CANCELLED", "EXPIRED", "READY", "REJECTED"]);
  });

  it("keeps a FAILED request open, so staff finish it and the customer cannot pile up duplicates", () => {
    expect(OPEN.has("FAILED")).toBe(true);
    expect(RETRYABLE.has("FAILED")).toBe(true);
    expect(canTransition("FAILED", "COLLECTING")).toBe(true);
  });

  it("lets nothing leave a terminal status except READY, which only expires", () => {
    for (const from of TERMINAL) {
      const next = REQUEST_STATUSES.filter((to) => canTransition(from, to));
      expect(next).toEqual(from === "READY" ? ["EXPIRED"] : []);
    }
  });

  it("never cancels a request mid-collection, by anyone", () => {
    for (const status of ["COLLECTING", "PACKAGING"] as const) {
      expect(CANCELLABLE_BY_CUSTOMER.has(status)).toBe(false);
      expect(CANCELLABLE_BY_STAFF.has(status)).toBe(false);
    }
    expect([...CANCELLABLE_BY_CUSTOMER].every((status) => canTransition(status, "CANCELLED"))).toBe(true);
  });

  it("derives the allowed sources of a move from the transition table", () => {
    expect(statusesLeadingTo("READY")).toEqual(["PACKAGING"]);
    expect(statusesLeadingTo("PACKAGING")).toEqual(["COLLECTING", "RELEASE_REVIEW"]);
    expect(statusesLeadingTo("APPROVED")).toEqual([...AWAITING_IDENTITY]);
    expect(statusesLeadingTo("COLLECTING")).toEqual(["APPROVED", "FAILED"]);
  });

  it("holds a request whose data names other people between collecting and packaging (Art. 15(4))", () => {
    expect(statusesLeadingTo("RELEASE_REVIEW")).toEqual(["COLLECTING"]);
    expect(canTransition("RELEASE_REVIEW", "PACKAGING")).toBe(true);
    expect(canTransition("RELEASE_REVIEW", "READY")).toBe(false);
    expect(OPEN.has("RELEASE_REVIEW")).toBe(true);
    expect(AWAITING_RELEASE_REVIEW.has("RELEASE_REVIEW")).toBe(true);
    expect(IN_PROGRESS.has("RELEASE_REVIEW")).toBe(false);
    expect(CANCELLABLE_BY_CUSTOMER.has("RELEASE_REVIEW")).toBe(false);
    expect(CANCELLABLE_BY_STAFF.has("RELEASE_REVIEW")).toBe(true);
    // The customer sees collecting done and the download being prepared, not "collecting" with full bars.
    expect(CUSTOMER_TIMELINE[timelinePosition("RELEASE_REVIEW")]).toBe("PACKAGING");
  });

  it("leaves out the customer's steps for exactly the requests that ended without a copy", () => {
    // Their step position is the last one, "Ready to download": shown, it would promise a download.
    const undelivered = REQUEST_STATUSES.filter((status) => TERMINAL.has(status) && !DELIVERED.has(status));
    expect([...ENDED_WITHOUT_COPY].sort()).toEqual(undelivered.sort());
  });

  it("every set is a set of open statuses, except terminal", () => {
    const awaiting = [AWAITING_IDENTITY, AWAITING_RELEASE_REVIEW, IN_PROGRESS];
    for (const statuses of [...awaiting, CANCELLABLE_BY_CUSTOMER, CANCELLABLE_BY_STAFF, RETRYABLE, EXTENDABLE]) {
      for (const status of statuses) expect(OPEN.has(status)).toBe(true);
    }
  });

  it("has a staff label for every status (customer texts: lib/i18n/messages.test.ts)", () => {
    for (const status of REQUEST_STATUSES) {
      expect(STAFF_STATUS_LABEL[status].length).toBeGreaterThan(0);
    }
  });
});
