import { SourceStatus } from "@/lib/generated/prisma/enums";

// The lifecycle of one source of one request (a RequestSource row), beside the request's own in
// lifecycle.ts and in its shape: the one place that lists the statuses, the moves between them,
// the sets the rest of the portal asks about, and their labels. Every write goes through
// source-transition.ts; everything else asks here.
//
//   PENDING → COLLECTING → DONE
//   COLLECTING → FAILED (after the collect step's last retry) → PENDING (staff retry it)
//
// and three moves that only replays make, which the collect step allows today and must keep:
// - COLLECTING → COLLECTING: an attempt that threw is retried (the workflow's step retries), and
//   each attempt marks the source COLLECTING again and counts itself in `attempts`.
// - DONE → COLLECTING: a step whose DONE write committed but whose result the runner never recorded
//   (a crash in between) runs again; it overwrites the same staging object.
// - PENDING → FAILED: a step whose every attempt failed before it could mark the source COLLECTING
//   (the database refused that first statement) is still failed, so staff can retry it.
// A FAILED source is never collected again until staff reopen it: a late attempt does not bring it
// back behind their back, and a late DONE does not land on a source already given up.

export const SOURCE_STATUSES = [
  SourceStatus.PENDING,
  SourceStatus.COLLECTING,
  SourceStatus.DONE,
  SourceStatus.FAILED,
] as const satisfies readonly SourceStatus[];

const NEXT: { readonly [S in SourceStatus]: readonly SourceStatus[] } = {
  PENDING: [SourceStatus.COLLECTING, SourceStatus.FAILED],
  COLLECTING: [SourceStatus.COLLECTING, SourceStatus.DONE, SourceStatus.FAILED],
  DONE: [SourceStatus.COLLECTING],
  FAILED: [SourceStatus.PENDING],
};

export function canMoveSource(from: SourceStatus, to: SourceStatus): boolean {
  return NEXT[from].includes(to);
}

/** Every status a source may move to `to` from. */
export function sourceStatusesLeadingTo(to: SourceStatus): SourceStatus[] {
  return SOURCE_STATUSES.filter((from) => canMoveSource(from, to));
}

/** Collected: its records are staged and go into the archive. */
export const isCollected = (status: SourceStatus) => status === SourceStatus.DONE;
/** Given up after its retries: README.html explains it, staff may retry it. */
export const isSourceFailed = (status: SourceStatus) => status === SourceStatus.FAILED;
/** An attempt is running: its progress has no known fraction yet. */
export const isCollecting = (status: SourceStatus) => status === SourceStatus.COLLECTING;

/** The statuses a source has in the archive: collected, or explained as failed. */
/**
 * Only a source being collected takes "rows so far" counts: a late count from an attempt that was
 * superseded (a lease taken over after a failover) must never overwrite a finished source's count.
 */
export const TAKES_PROGRESS: readonly SourceStatus[] = [SourceStatus.COLLECTING];

export type SettledSourceStatus = typeof SourceStatus.DONE | typeof SourceStatus.FAILED;
export const SETTLED: ReadonlySet<SourceStatus> = new Set<SettledSourceStatus>([
  SourceStatus.DONE,
  SourceStatus.FAILED,
]);
export const isSettled = (status: SourceStatus): status is SettledSourceStatus => SETTLED.has(status);

/**
 * How a source enters the archive: packaging runs once every source has settled, so a source that
 * is not collected by then counts as failed (README.html says so; nothing of it is half-exported).
 */
export const archivedStatus = (status: SourceStatus): SettledSourceStatus =>
  isCollected(status) ? SourceStatus.DONE : SourceStatus.FAILED;

/** The status as the review console names it. */
export const STAFF_SOURCE_STATUS_LABEL: { readonly [S in SourceStatus]: string } = {
  PENDING: "Waiting",
  COLLECTING: "Collecting",
  DONE: "Collected",
  FAILED: "Failed",
};
