const DAY = 24 * 60 * 60 * 1000;

/** Whole days until the legal deadline; negative once it has passed. */
export function daysLeft(dueAt: Date, now: Date = new Date()): number {
  return Math.ceil((dueAt.getTime() - now.getTime()) / DAY);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}
