import type { RequestStatus } from "@/lib/generated/prisma/enums";

// The request lifecycle (DESIGN.md): the one place that lists statuses, the moves between them,
// the sets the rest of the portal asks about, and their labels. Everything else asks here.
//
//   SUBMITTED → IDENTITY_REVIEW → APPROVED → COLLECTING → PACKAGING → READY → EXPIRED
//   with RELEASE_REVIEW between COLLECTING and PACKAGING when the subject's free text holds other
//   people's data (Art. 15(4) GDPR; lib/disclosure): a reviewer redacts or keeps each finding first;
//   with REJECTED (identity not confirmed), CANCELLED (withdrawn) and FAILED (a source failed
//   after its retries; staff retry it, which moves the request back to COLLECTING).

export const REQUEST_STATUSES = [
  "SUBMITTED",
  "IDENTITY_REVIEW",
  "APPROVED",
  "COLLECTING",
  "RELEASE_REVIEW",
  "PACKAGING",
  "READY",
  "EXPIRED",
  "REJECTED",
  "CANCELLED",
  "FAILED",
] as const satisfies readonly RequestStatus[];

const NEXT: { readonly [S in RequestStatus]: readonly RequestStatus[] } = {
  SUBMITTED: ["IDENTITY_REVIEW", "APPROVED", "REJECTED", "CANCELLED"],
  IDENTITY_REVIEW: ["APPROVED", "REJECTED", "CANCELLED"],
  APPROVED: ["COLLECTING", "CANCELLED"],
  COLLECTING: ["PACKAGING", "RELEASE_REVIEW", "FAILED"],
  // Staff may cancel a held request (e.g. it cannot be answered without harming others).
  RELEASE_REVIEW: ["PACKAGING", "CANCELLED"],
  PACKAGING: ["READY", "FAILED"],
  READY: ["EXPIRED"],
  FAILED: ["COLLECTING", "CANCELLED"],
  EXPIRED: [],
  REJECTED: [],
  CANCELLED: [],
};

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT[from].includes(to);
}

/** Every status a request may move to `to` from. */
export function statusesLeadingTo(to: RequestStatus): RequestStatus[] {
  return REQUEST_STATUSES.filter((from) => canTransition(from, to));
}

const set = (...statuses: RequestStatus[]): ReadonlySet<RequestStatus> => new Set(statuses);

/**
 * Still being worked on. FAILED is open: staff finish it by retrying the source, so a customer
 * with a FAILED request cannot pile up duplicates (one open request at a time).
 */
export const OPEN = set(
  ...(["SUBMITTED", "IDENTITY_REVIEW", "APPROVED", "COLLECTING", "RELEASE_REVIEW", "PACKAGING", "FAILED"] as const),
);
/** Finished for good, as far as anyone working on it is concerned (READY only expires, by the clock). */
export const TERMINAL = set(...REQUEST_STATUSES.filter((status) => !OPEN.has(status)));
/** The identity check waits for a decision. */
export const AWAITING_IDENTITY = set("SUBMITTED", "IDENTITY_REVIEW");
/** Art. 15(4): the archive waits for a reviewer's decision on other people's data in it. */
export const AWAITING_RELEASE_REVIEW = set("RELEASE_REVIEW");
/** Work the workflows are doing right now; nothing for staff or the customer to do. */
export const IN_PROGRESS = set("APPROVED", "COLLECTING", "PACKAGING");
/** The customer may withdraw the request until collection starts. */
export const CANCELLABLE_BY_CUSTOMER = set("SUBMITTED", "IDENTITY_REVIEW", "APPROVED");
/** Staff may also cancel a request whose collection failed; never one mid-collection. */
export const CANCELLABLE_BY_STAFF = set(...statusesLeadingTo("CANCELLED"));
/** A failed source can be collected again, and the archive packaged again. */
export const RETRYABLE = set("FAILED");
/** Art. 12(3): the deadline may be extended while the request is open. */
export const EXTENDABLE = OPEN;
/** The customer may download the archive (while it is kept; lib/dal/downloads.ts downloadLinkFor). */
export const DOWNLOADABLE = set("READY");
/** Delivered: the archive reached READY (and may since have expired by the clock); the deadline is behind it. */
export const DELIVERED = set(
  ...REQUEST_STATUSES.filter((status) => status === "READY" || canTransition("READY", status)),
);

/**
 * An agent's request waits on its mandate, not on "is this your account", and the data it is
 * about is someone else's: these statuses have the agent's own words (messages `agentStatus.*`).
 */
export const AGENT_WORDED = [
  "IDENTITY_REVIEW",
  "APPROVED",
  "COLLECTING",
  "RELEASE_REVIEW",
  "READY",
  "REJECTED",
  "CANCELLED",
  "FAILED",
] as const satisfies readonly RequestStatus[];
export const isAgentWorded = (status: RequestStatus): status is (typeof AGENT_WORDED)[number] =>
  (AGENT_WORDED as readonly RequestStatus[]).includes(status);

export const isOpen = (status: RequestStatus) => OPEN.has(status);
export const isTerminal = (status: RequestStatus) => TERMINAL.has(status);
export const isDownloadable = (status: RequestStatus) => DOWNLOADABLE.has(status);
export const isDelivered = (status: RequestStatus) => DELIVERED.has(status);

/** The statuses of a set, for a Prisma `in` filter. */
export const statusesIn = (statuses: ReadonlySet<RequestStatus>): RequestStatus[] => [...statuses];

/** The steps a customer sees on the status page, and which one a status has reached. */
export const CUSTOMER_TIMELINE = [
  "SUBMITTED",
  "IDENTITY_REVIEW",
  "COLLECTING",
  "PACKAGING",
  "READY",
] as const satisfies readonly RequestStatus[];

const TIMELINE_STEP: { readonly [S in RequestStatus]: number } = {
  SUBMITTED: 0,
  IDENTITY_REVIEW: 1,
  APPROVED: 2,
  COLLECTING: 2,
  // Collected already: checking the passages is part of preparing the copy.
  RELEASE_REVIEW: 3,
  FAILED: 2,
  PACKAGING: 3,
  READY: 4,
  EXPIRED: 4,
  REJECTED: 4,
  CANCELLED: 4,
};

export const timelinePosition = (status: RequestStatus): number => TIMELINE_STEP[status];

/** Ended without a copy: the customer's steps would read "ready to download", so they are not shown. */
export const ENDED_WITHOUT_COPY = set("REJECTED", "CANCELLED");

// What each status means to the customer lives in the message files (messages/<locale>.json,
// `status.<STATUS>.label` and `.detail`), one text per status per language; a test checks that
// every status has both in every language.

/** The status as the review console names it: what staff need to know at a glance. */
export const STAFF_STATUS_LABEL: { readonly [S in RequestStatus]: string } = {
  SUBMITTED: "Submitted",
  IDENTITY_REVIEW: "Identity review",
  APPROVED: "Approved",
  COLLECTING: "Collecting",
  RELEASE_REVIEW: "Review before release",
  PACKAGING: "Packaging",
  READY: "Ready",
  EXPIRED: "Expired",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
  FAILED: "Failed: needs retry",
};
