import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { RandomIdGenerator, type IdGenerator } from "@opentelemetry/sdk-trace-node";

// A workflow run's steps execute in separate calls of its function, possibly in different
// processes and hours apart, so no span object lives as long as the run. Its trace id and its
// root span's id are therefore derived from the run id: every step, wherever it runs, names the
// same parent, and the root span written when the run finishes gets exactly those ids.

export type RunIds = { traceId: string; spanId: string };

export function runIds(runId: string): RunIds {
  const digest = createHash("sha256").update(`privacy-portal/run/${runId}`).digest("hex");
  return { traceId: digest.slice(0, 32), spanId: digest.slice(32, 48) };
}

const forced = new AsyncLocalStorage<RunIds>();
const random = new RandomIdGenerator();

/** Random ids, except for a span started inside withRunIds (the run's root span). */
export const runIdGenerator: IdGenerator = {
  generateTraceId: () => forced.getStore()?.traceId ?? random.generateTraceId(),
  generateSpanId: () => forced.getStore()?.spanId ?? random.generateSpanId(),
};

export function withRunIds<T>(ids: RunIds, fn: () => T): T {
  return forced.run(ids, fn);
}
