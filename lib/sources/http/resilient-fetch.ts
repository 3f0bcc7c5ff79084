import { SourceUnavailableError } from "../source-errors";

// The retry policy every outside service is called with: a timeout per attempt, and timeouts,
// network errors, 5xx and 429 retried with exponential backoff, honouring Retry-After
// (RFC 9110 §10.2.3) or X-RateLimit-Reset (Intercom), a bounded number of times. Other answers,
// 401/403 included, go straight back to the caller, which turns them into a plain error.

export type RetryPolicy = {
  /** Attempts per request, the first one included. */
  attempts: number;
  timeoutMs: number;
  /** First backoff; it doubles each retry. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever the service asks for. */
  maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  timeoutMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

export function resilientFetch(
  service: string,
  policy: RetryPolicy,
  fetchImpl: typeof fetch = fetch,
  wait = sleep,
): typeof fetch {
  return async (input, init) => {
    const caller = init?.signal ?? undefined;
    let failure = "";
    for (let attempt = 1; ; attempt += 1) {
      const timeout = AbortSignal.timeout(policy.timeoutMs);
      let response: Response | undefined;
      try {
        response = await fetchImpl(input, { ...init, signal: caller ? AbortSignal.any([caller, timeout]) : timeout });
        if (!isRetryable(response.status)) return response;
        failure = `HTTP ${response.status}`;
      } catch (error) {
        if (caller?.aborted) throw error;
        failure = timeout.aborted ? `no answer within ${policy.timeoutMs / 1000} s` : describe(error);
      }
      if (attempt >= policy.attempts) {
        // The last answer goes back as it is, so the caller can quote what the service said.
        if (response) return response;
        throw new SourceUnavailableError(
          `${service} did not answer after ${attempt} attempts (${failure}). Retry the source later.`,
        );
      }
      const delay = retryDelay(response, attempt, policy);
      await response?.body?.cancel().catch(() => undefined);
      await wait(delay, caller);
    }
  };
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

export function retryDelay(
  response: Response | undefined,
  attempt: number,
  policy: RetryPolicy,
  now = Date.now(),
): number {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  const asked = response ? askedDelay(response.headers, now) : undefined;
  return Math.min(asked ?? backoff, policy.maxDelayMs);
}

function askedDelay(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get("x-ratelimit-reset");
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
