import type { InngestFunction } from "inngest";

// What the embedded runner needs to know about an Inngest function object: its id as Inngest
// addresses it, the events and schedules that trigger it, and how many attempts a step gets.

export type JobFunction = InngestFunction.Any;

type Trigger = { event?: string; cron?: string };

export function functionSlug(fn: JobFunction, appId: string): string {
  return fn.id(appId);
}

function triggers(fn: JobFunction): Trigger[] {
  const list = (fn.opts as { triggers?: Trigger | Trigger[] }).triggers ?? [];
  return Array.isArray(list) ? list : [list];
}

export function eventNames(fn: JobFunction): string[] {
  return triggers(fn).flatMap((t) => (t.event ? [t.event] : []));
}

export function cronSchedules(fn: JobFunction): string[] {
  return triggers(fn).flatMap((t) => (t.cron ? [t.cron] : []));
}

/** Inngest's default is 3 retries, so 4 attempts, per step. */
export function maxAttempts(fn: JobFunction): number {
  return ((fn.opts as { retries?: number }).retries ?? 3) + 1;
}
