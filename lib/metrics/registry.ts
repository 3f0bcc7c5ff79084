import { Registry, type Metric } from "prom-client";
import { checkpointAge } from "./audit";
import type { DatabaseHistogram } from "./database-histogram";
import { emailFailures, emailsSent } from "./emails";
import { exportDuration, exportSize } from "./exports";
import { httpRequestDuration } from "./http";
import { jobRuns, outboxLag } from "./jobs";
import { requestsDueSoon, requestsOpen, requestsOverdue } from "./requests";
import { collectDuration, sourceCollects, sourceFailureStreak } from "./sources";

// Every metric /api/metrics shows (docs/operations.md, "Metrics and alerts"). Most are read from
// the database when Prometheus scrapes, so every web instance answers alike whichever process did
// the work; HTTP durations and email failures are this process's own (see their modules).

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

function portalRegistry(): Registry {
  const registry = new Registry();
  const databaseHistograms: DatabaseHistogram[] = [exportDuration, exportSize, collectDuration];
  // prom-client formats any object with a name, a type and get(); these count in SQL.
  for (const histogram of databaseHistograms) registry.registerMetric(histogram as unknown as Metric);
  const metrics: Metric[] = [
    httpRequestDuration(),
    emailFailures(),
    emailsSent,
    sourceCollects,
    sourceFailureStreak,
    jobRuns,
    outboxLag,
  ];
  metrics.push(requestsOpen, requestsOverdue, requestsDueSoon, checkpointAge);
  for (const metric of metrics) registry.registerMetric(metric);
  return registry;
}

let registry: Registry | undefined;

/** The name of every metric, for the test that holds docs/operations.md to them. */
export function metricNames(): string[] {
  registry ??= portalRegistry();
  return registry.getMetricsAsArray().map((metric) => metric.name);
}

/** The Prometheus text exposition of every metric, read now. */
export function renderMetrics(): Promise<string> {
  registry ??= portalRegistry();
  return registry.metrics();
}
