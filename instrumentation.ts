import type { Instrumentation } from "next";

// Next.js calls register() once when a server instance starts (nextjs.org/docs/app/guides/
// open-telemetry). Tracing is set up here for the web process, by the module the embedded worker
// uses too (lib/observability/tracing.ts); it stays off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
// Where logs are JSON, Next.js's own console lines join them (lib/observability/console.ts).
// NEXT_RUNTIME is Next.js's own build-time constant, not configuration: it keeps the Node-only
// SDK out of an Edge bundle, which is why it is read here and not through lib/env.ts.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { startTracing }, { routeConsoleToLogger }] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/observability/tracing"),
    import("@/lib/observability/console"),
  ]);
  const config = env();
  startTracing(config, "web");
  if (config.logFormat === "json") routeConsoleToLogger();
}

// Errors thrown while serving a request, as one JSON line with its request id (request-error.ts).
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/observability/request-error");
  logRequestError(...args);
};
