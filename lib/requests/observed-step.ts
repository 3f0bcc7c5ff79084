import { db } from "@/lib/db";
import { rememberRunSubject, withLogContext } from "@/lib/observability/log-context";
import { logger } from "@/lib/observability/logger";
import { inStepSpan, WORKFLOW_ATTRIBUTES } from "@/lib/observability/workflow-trace";

// A workflow step about one privacy request, observed: every log line written while it runs
// carries the request's reference (DSR-…), its id, the step and the run, and the step is a span
// of the run's trace. The step's own code logs with logger() and gets all of that for free.

export type StepScope = { runId: string; requestId: string };

const references = new Map<string, string>();
const REFERENCES_KEPT = 1_000;

/** The request's public reference; it never changes, so each process asks the database once. */
export async function referenceOf(requestId: string): Promise<string | undefined> {
  const known = references.get(requestId);
  if (known) return known;
  const request = await db.privacyRequest.findUnique({ where: { id: requestId }, select: { reference: true } });
  if (!request) return undefined;
  if (references.size >= REFERENCES_KEPT) references.delete(references.keys().next().value!);
  references.set(requestId, request.reference);
  return request.reference;
}

export async function observeRequestStep<T>(scope: StepScope, step: string, fn: () => Promise<T>): Promise<T> {
  const reference = await referenceOf(scope.requestId);
  rememberRunSubject(scope.runId, { privacyRequestId: scope.requestId, reference });
  const attributes = {
    [WORKFLOW_ATTRIBUTES.runId]: scope.runId,
    [WORKFLOW_ATTRIBUTES.requestId]: scope.requestId,
    ...(reference ? { [WORKFLOW_ATTRIBUTES.reference]: reference } : {}),
  };
  return withLogContext({ reference, privacyRequestId: scope.requestId, step, runId: scope.runId }, () =>
    inStepSpan(scope.runId, step, attributes, async () => {
      const log = logger({ module: "workflow" });
      const started = performance.now();
      log.debug("step started");
      try {
        const result = await fn();
        log.info({ durationMs: Math.round(performance.now() - started) }, "step finished");
        return result;
      } catch (error) {
        log.warn({ err: error, durationMs: Math.round(performance.now() - started) }, "step failed");
        throw error;
      }
    }),
  );
}

/** The attributes of a run's root span about this request. */
export async function requestRunAttributes(requestId: string): Promise<Record<string, string>> {
  const reference = await referenceOf(requestId);
  return {
    [WORKFLOW_ATTRIBUTES.requestId]: requestId,
    ...(reference ? { [WORKFLOW_ATTRIBUTES.reference]: reference } : {}),
  };
}
