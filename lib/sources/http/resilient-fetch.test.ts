import { describe, expect, it } from "vitest";
import { SourceUnavailableError } from "../source-errors";
import { resilientFetch, type RetryPolicy } from "./resilient-fetch";

// The retry policy outside services are called with, against scripted answers: which answers are
// retried, how long it waits (the service's Retry-After first), and when it gives up.

const POLICY: RetryPolicy = { attempts: 4, timeoutMs: 1000, baseDelayMs: 500, maxDelayMs: 30_000 };

function scripted(...answers: (Response | Error)[]) {
  const calls: string[] = [];
  const waits: number[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const answer = answers.shift() ?? new Response("{}", { status: 200 });
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof fetch;
  const send = resilientFetch("Stripe", POLICY, fetchImpl, async (ms) => void waits.push(ms));
  return { send, calls, waits };
}

const status = (code: number, headers: Record<string, string> = {}) => new Response("{}", { status: code, headers });

describe("calling an outside service", () => {
  it("waits as long as a 429's Retry-After asks, then succeeds", async () => {
    const { send, waits } = scripted(status(429, { "retry-after": "3" }), status(200));
    expect((await send("http://service/v1/charges")).status).toBe(200);
    expect(waits).toEqual([3000]);
  });

  it("reads Retry-After as an HTTP date, and Intercom's X-RateLimit-Reset", async () => {
    const inTwoSeconds = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    const { send, waits } = scripted(
      status(429, { "retry-after": inTwoSeconds.toUTCString() }),
      status(429, { "x-ratelimit-reset": String(inTwoSeconds.getTime() / 1000) }),
      status(200),
    );
    await send("http://service/");
    expect(waits).toHaveLength(2);
    // Both point at the same second, two to three seconds away (the headers count whole seconds).
    for (const wait of waits) expect(wait).toBeGreaterThan(1000);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(3000);
  });

  it("backs off exponentially on 5xx and network errors, and succeeds when the service recovers", async () => {
    const { send, waits, calls } = scripted(status(503), new TypeError("fetch failed"), status(500), status(200));
    expect((await send("http://service/")).status).toBe(200);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(calls).toHaveLength(4);
  });

  it("never waits longer than the policy allows, whatever the service asks", async () => {
    const { send, waits } = scripted(status(429, { "retry-after": "3600" }), status(200));
    await send("http://service/");
    expect(waits).toEqual([30_000]);
  });

  it("gives the last 5xx back after its attempts, for the caller to report", async () => {
    const { send, calls } = scripted(status(500), status(500), status(500), status(502));
    expect((await send("http://service/")).status).toBe(502);
    expect(calls).toHaveLength(4);
  });

  it("does not retry a rejected key", async () => {
    const { send, calls, waits } = scripted(status(401));
    expect((await send("http://service/")).status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("says plainly that the service did not answer when every attempt failed to connect", async () => {
    const down = () => new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    const { send } = scripted(down(), down(), down(), down());
    const error = await send("http://service/").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(
      /^Stripe did not answer after 4 attempts \(fetch failed: connect ECONNREFUSED/,
    );
  });
});
