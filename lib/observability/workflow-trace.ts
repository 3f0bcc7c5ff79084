import { ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags, type Attributes, type Span } from "@opentelemetry/api";
import { runIds, withRunIds } from "./run-ids";

// A workflow run as one trace: a root span for the run (from its event to its end) and a child
// span per step, named like the step (collect:orders, package-archive, send-ready-email). The ids
// come from the run id (run-ids.ts), so the spans join up across replays and processes. With no
// tracer provider registered (tracing off) every call here is OpenTelemetry's no-op.

const tracer = () => trace.getTracer("privacy-portal.workflows");

export const WORKFLOW_ATTRIBUTES = {
  runId: "workflow.run_id",
  function: "workflow.function",
  step: "workflow.step",
  requestId: "privacy_request.id",
  reference: "privacy_request.reference",
} as const;

/** Runs one step inside a span whose parent is the run's root span. */
export function inStepSpan<T>(runId: string, name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  const { traceId, spanId } = runIds(runId);
  const parent = trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
  return tracer().startActiveSpan(
    name,
    { attributes: { ...attributes, [WORKFLOW_ATTRIBUTES.step]: name } },
    parent,
    (span) => ended(span, fn),
  );
}

export type RunSpan = {
  runId: string;
  functionId: string;
  /** When the run's event arrived (epoch ms, Inngest's event.ts); the root span starts there. */
  startedAt?: number;
  attributes?: () => Promise<Attributes>;
};

/**
 * Runs a function body and, when it reaches its end, writes the run's root span. While steps are
 * still to run the SDK never settles the body's promise (it stops at the next step), so the span
 * is written once, by the call that finishes the run (a body that throws and is retried writes it
 * again, with the same ids and an error status).
 */
export async function tracedRun<T>(run: RunSpan, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await writeRunSpan(run);
    return result;
  } catch (error) {
    await writeRunSpan(run, error);
    throw error;
  }
}

async function writeRunSpan(run: RunSpan, error?: unknown): Promise<void> {
  const attributes = {
    ...(await run.attributes?.()),
    [WORKFLOW_ATTRIBUTES.runId]: run.runId,
    [WORKFLOW_ATTRIBUTES.function]: run.functionId,
  };
  const span = withRunIds(runIds(run.runId), () =>
    tracer().startSpan(run.functionId, { root: true, startTime: run.startedAt, attributes }),
  );
  if (error !== undefined) fail(span, error);
  span.end();
}

async function ended<T>(span: Span, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    fail(span, error);
    throw error;
  } finally {
    span.end();
  }
}

function fail(span: Span, error: unknown) {
  // The error's name only: messages can quote a record (a constraint's detail, a source's reply).
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
  span.setAttribute("error.type", error instanceof Error ? error.name : typeof error);
}
