import type { InngestFunction } from "inngest";

// What the embedded runner needs to know about each Inngest function object: the id Inngest
// addresses it by, the events and schedules that start it, and how many attempts a step gets.

export type JobFunction = InngestFunction.Any;

export type JobDefinition = {
  /** `<app id>-<function id>`, the fnId the serve handler expects. */
  id: string;
  fn: JobFunction;
  events: string[];
  crons: string[];
  /** Attempts per step (and for the function body): the first one plus `retries`. */
  maxAttempts: number;
  /** Options set on the function that only Inngest itself honours. */
  ignoredOptions: string[];
};

export type JobCatalog = Map<string, JobDefinition>;

// "By default, in addition to the initial attempt, Inngest will retry a function or a step up to
// 4 times" (inngest.com/docs/features/inngest-functions/error-retries/retries).
const DEFAULT_RETRIES = 4;

// Flow control and hooks the embedded runner does not implement; named in a warning at start-up.
const INNGEST_ONLY_OPTIONS = [
  "onFailure",
  "cancelOn",
  "concurrency",
  "throttle",
  "rateLimit",
  "debounce",
  "idempotency",
  "batchEvents",
  "priority",
  "singleton",
  "timeouts",
] as const;

type Trigger = { event?: string | { name: string }; cron?: string; if?: string };

export function describeJobs(functions: JobFunction[], appId: string): JobCatalog {
  const catalog: JobCatalog = new Map();
  for (const fn of functions) {
    const opts = fn.opts as unknown as Record<string, unknown> & { retries?: number; triggers?: Trigger[] };
    // createFunction normalises `triggers` to an array; an EventType trigger carries its name in `event`.
    const triggers = opts.triggers ?? [];
    const events = triggers.flatMap((t) => (t.event ? [typeof t.event === "string" ? t.event : t.event.name] : []));
    const crons = triggers.flatMap((t) => (t.cron ? [t.cron] : []));
    const ignoredOptions: string[] = INNGEST_ONLY_OPTIONS.filter((name) => opts[name] !== undefined);
    // A trigger's `if` is a CEL expression Inngest evaluates; embedded, every matching event starts a run.
    if (triggers.some((t) => t.if)) ignoredOptions.push("triggers[].if");
    const id = fn.id(appId);
    catalog.set(id, { id, fn, events, crons, maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1, ignoredOptions });
  }
  return catalog;
}
