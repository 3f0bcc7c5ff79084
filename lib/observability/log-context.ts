import { AsyncLocalStorage } from "node:async_hooks";

// What every log line written while serving one thing carries: the web request's id, or the
// privacy request (its reference, DSR-…) a workflow step works on. Set where work enters
// (lib/api/handler.ts, lib/actions/procedure.ts, the workflow steps) and read by the logger's
// mixin, so no function in between passes a logger around.

export type LogContext = {
  /** The web request's id (lib/observability/request-id.ts). */
  requestId?: string;
  /** The privacy request's public reference, e.g. DSR-2026-000123. */
  reference?: string;
  /** The privacy request's id. */
  privacyRequestId?: string;
  /** The workflow step, e.g. collect:orders. */
  step?: string;
  /** The workflow run (Inngest's run id, or the embedded runner's). */
  runId?: string;
};

const storage = new AsyncLocalStorage<LogContext>();

type RunSubject = Pick<LogContext, "privacyRequestId" | "reference">;
const runSubjects = new Map<string, RunSubject>();
const RUNS_KEPT = 1_000;

/**
 * Which privacy request a workflow run is about, once one of its steps has said so: the runner's
 * own lines about the run (a step's retry, the SDK's step error) then carry the reference too.
 */
export function rememberRunSubject(runId: string, subject: RunSubject): void {
  if (runSubjects.size >= RUNS_KEPT && !runSubjects.has(runId)) runSubjects.delete(runSubjects.keys().next().value!);
  runSubjects.set(runId, subject);
}

/** Runs `fn` with `context` added to what the enclosing work already logs. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/**
 * Runs `fn` with no log context: for a callback that Node calls in the context of whatever work
 * created its emitter (AsyncLocalStorage follows the resource, not the cause). A pooled
 * connection dropped long after the request or step that opened it is no event of that request.
 */
export function withoutLogContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentLogContext(): LogContext {
  const context = storage.getStore() ?? {};
  const subject = context.runId && !context.reference ? runSubjects.get(context.runId) : undefined;
  return subject ? { ...subject, ...context } : context;
}
