import type { Inngest } from "inngest";
import { serve } from "inngest/edge";
import type { JobFunction } from "./functions";

// The embedded runner speaks to the Inngest SDK the way the Inngest executor does over HTTP, but
// through the SDK's Web-standard serve handler in-process. Checked against inngest 4.24
// (components/InngestCommHandler.js, components/execution/engine.js):
// - POST ?fnId=<app>-<fn>&stepId=step with { event, events, steps, ctx, version: 2 } replays the
//   stored `steps` (hashed step id -> { type: "data", data } | { type: "error", error }) and
//   answers 206 with the ops found next, 200 with the function's return value, or 500/400 when it
//   threw (header x-inngest-no-retry says whether another attempt can help; retry-after carries
//   a RetryAfterError's delay).
// - ctx.disable_immediate_execution keeps the SDK from running a step while discovering (and,
//   with it, from checkpointing to the Inngest API): every step.run and step.sendEvent comes back
//   as StepPlanned, and runs when asked for by its hashed id as stepId. Each step therefore runs
//   with its own attempt number.
// - A step request answers [StepRun { data }], [StepError { error }] (retry it) or
//   [StepFailed { error }] (final: a NonRetriableError, or ctx.attempt === max_attempts - 1).
// - Stored as { type: "error", error }, a failed step is thrown from step.run as a StepError with
//   the original name and message (components/StepError.js), so the function can catch it.
// - Sleep ops carry the wake-up time in `name`: an ISO date (step.sleepUntil) or a duration such
//   as "1h30m" (step.sleep; helpers/strings.js timeStr). The sleep is over once its id is in
//   `steps` with data null.

export type StepOp = {
  op: string;
  id: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
};

export type StepResult = { type: "data"; data: unknown } | { type: "error"; error: unknown };

export type Invocation = {
  functionId: string;
  /** "step" to replay and discover, or a hashed step id to run that step. */
  stepId: string;
  runId: string;
  event: unknown;
  steps: Record<string, StepResult>;
  /** Step ids in completion order. */
  stack: string[];
  attempt: number;
  maxAttempts: number;
};

export type Reply =
  | { kind: "returned"; output: unknown }
  | { kind: "ops"; ops: StepOp[]; retryAt?: Date }
  | { kind: "threw"; error: string; retriable: boolean; retryAt?: Date };

const ORIGIN = "http://embedded.invalid";

/** The executor's call for `call`, as Inngest POSTs it to a serve endpoint at `origin` + /api/inngest. */
export function invocationRequest(
  call: Invocation,
  origin = ORIGIN,
): { url: string; body: string; headers: Record<string, string> } {
  const url = `${origin}/api/inngest?${new URLSearchParams({ fnId: call.functionId, stepId: call.stepId })}`;
  const body = {
    event: call.event,
    events: [call.event],
    steps: call.steps,
    ctx: {
      run_id: call.runId,
      fn_id: call.functionId,
      attempt: call.attempt,
      max_attempts: call.maxAttempts,
      disable_immediate_execution: true,
      use_api: false,
      stack: { stack: call.stack, current: call.stack.length },
    },
    version: 2,
  };
  // The Web handler builds its URL from the host header, so one is always sent.
  return {
    url,
    body: JSON.stringify(body),
    headers: { host: new URL(origin).host, "content-type": "application/json" },
  };
}

/** The SDK's own serve handler for these functions, called without a network in between. */
export function createInProcessServe(
  client: Inngest.Any,
  functions: JobFunction[],
): (call: Invocation) => Promise<Reply> {
  const handler = serve({ client, functions });
  return async function invoke(call) {
    const { url, body, headers } = invocationRequest(call);
    return readReply(await handler(new Request(url, { method: "POST", headers, body })));
  };
}

/** What a serve endpoint's answer means (see the notes at the top of this file). */
export async function readReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  const retryAt = retryAfter(response.headers.get("retry-after"));
  if (response.status === 200) return { kind: "returned", output: parsed };
  if (response.status === 206) {
    const ops = (Array.isArray(parsed) ? parsed : [parsed]) as StepOp[];
    return { kind: "ops", ops, ...(retryAt ? { retryAt } : {}) };
  }
  return {
    kind: "threw",
    error: describeError(parsed),
    retriable: response.headers.get("x-inngest-no-retry") !== "true",
    ...(retryAt ? { retryAt } : {}),
  };
}

/** retry-after is a number of seconds or an ISO date (components/RetryAfterError.js). */
function retryAfter(header: string | null): Date | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return new Date(Date.now() + Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : new Date(at);
}

const DURATION_UNITS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** When a Sleep op ends, measured from `now` (when the runner first saw it). */
export function sleepEndsAt(op: StepOp, now = new Date()): Date {
  const name = op.name ?? "";
  if (/^(\d+[wdhms])+$/.test(name)) {
    const ms = [...name.matchAll(/(\d+)([wdhms])/g)].reduce(
      (sum, [, n, unit]) => sum + Number(n) * DURATION_UNITS[unit!]!,
      0,
    );
    return new Date(now.getTime() + ms);
  }
  const at = Date.parse(name);
  if (Number.isNaN(at)) throw new Error(`Cannot read the end of sleep "${op.displayName ?? op.id}" from "${name}".`);
  return new Date(at);
}

/** A short, human-readable reason from whatever the SDK put in an error body. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object") {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === "string")
      return typeof name === "string" && name !== "Error" ? `${name}: ${message}` : message;
    if ("error" in error && typeof error.error === "string") return error.error;
  }
  if (typeof error === "string") return error.slice(0, 1000);
  return (JSON.stringify(error) ?? "unknown error").slice(0, 1000);
}
