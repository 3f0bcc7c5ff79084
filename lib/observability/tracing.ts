import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type ReadableSpan,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { Env } from "@/lib/env";
import { runIdGenerator } from "./run-ids";
import { redactingExporter } from "./span-redaction";

// OpenTelemetry for the web process (instrumentation.ts) and the embedded worker
// (scripts/worker.ts), off unless OTEL_EXPORTER_OTLP_ENDPOINT names a collector. Spans go out as
// OTLP/HTTP JSON to <endpoint>/v1/traces (opentelemetry.io/docs/specs/otlp/#otlphttp). With a
// provider registered, Next.js's own spans (one per request, its rendering) are exported too.

export type Tracing = { forceFlush(): Promise<void>; shutdown(): Promise<void> };

let started: Tracing | undefined;

/** Registers the global tracer provider once per process; undefined when tracing is off. */
type TracingConfig = Pick<Env, "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_SERVICE_NAME"> &
  Partial<Pick<Env, "OTEL_EXPORTER_OTLP_HEADERS">>;

export function startTracing(config: TracingConfig, role: "web" | "worker"): Tracing | undefined {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  if (started) return started;
  const url = new URL("v1/traces", config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/?$/, "/")).toString();
  const exporter = redactingExporter(new OTLPTraceExporter({ url, headers: config.OTEL_EXPORTER_OTLP_HEADERS }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: role === "web" ? config.OTEL_SERVICE_NAME : `${config.OTEL_SERVICE_NAME}-worker`,
    }),
    idGenerator: runIdGenerator,
    spanProcessors: [withoutInngestExecutionSpans(new BatchSpanProcessor(exporter))],
  });
  // Also the W3C traceparent propagator and the AsyncLocalStorage context manager.
  provider.register();
  started = { forceFlush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
  return started;
}

/**
 * The Inngest SDK opens an "inngest.execution" span on every call of a function once a provider
 * is registered (components/execution/engine.js): one trace of its own per replay, none of them
 * the run. The run's trace is built from its steps instead (workflow-trace.ts), so these go.
 */
function withoutInngestExecutionSpans(next: SpanProcessor): SpanProcessor {
  const isInngest = (span: ReadableSpan) => span.instrumentationScope.name === "inngest";
  return {
    onStart: (span, context) => next.onStart(span, context),
    onEnd: (span) => {
      if (!isInngest(span)) next.onEnd(span);
    },
    forceFlush: () => next.forceFlush(),
    shutdown: () => next.shutdown(),
  };
}
