import { describe, expect, it } from "vitest";
import { assignRequestId, REQUEST_ID_HEADER, requestIdOf } from "./request-id";

const direct = { hops: 0, onVercel: false };
const behindProxy = { hops: 1, onVercel: false };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("the request id of a web request", () => {
  it("ignores an id or traceparent a client sent straight to the portal, and picks a fresh one", () => {
    const forged = new Headers({
      [REQUEST_ID_HEADER]: "someone-elses-request",
      traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
    });
    const id = assignRequestId(forged, direct);
    expect(id).toMatch(UUID);
    expect(assignRequestId(forged, direct)).not.toBe(id);
  });

  it("keeps the id a trusted proxy gave, or the trace id of its traceparent", () => {
    expect(assignRequestId(new Headers({ [REQUEST_ID_HEADER]: "nginx-7f3a" }), behindProxy)).toBe("nginx-7f3a");
    expect(assignRequestId(new Headers({ traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` }), behindProxy)).toBe(
      TRACE_ID,
    );
    expect(assignRequestId(new Headers({ "x-vercel-id": "fra1::abc-123" }), { hops: 0, onVercel: true })).toBe(
      "fra1::abc-123",
    );
  });

  it("refuses ids that would break a log line or are not ids at all, even from a trusted proxy", () => {
    expect(assignRequestId(new Headers({ [REQUEST_ID_HEADER]: 'a"b\\nlevel=fatal' }), behindProxy)).toMatch(UUID);
    expect(assignRequestId(new Headers({ [REQUEST_ID_HEADER]: "x".repeat(129) }), behindProxy)).toMatch(UUID);
    expect(
      assignRequestId(new Headers({ traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01` }), behindProxy),
    ).toMatch(UUID);
  });

  it("reads back the id proxy.ts passed on, and makes one where no proxy ran", () => {
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "abc" }))).toBe("abc");
    expect(requestIdOf(new Headers())).toMatch(UUID);
  });
});
