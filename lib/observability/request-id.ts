import { randomUUID } from "node:crypto";
import type { ProxyTrust } from "@/lib/http/client-ip";

// Which id a web request's log lines carry. A proxy of ours (TRUSTED_PROXY_HOPS > 0, or Vercel's
// edge) may have named the request already, so its lines and ours join up: its X-Request-ID, or
// the trace id of its W3C traceparent (w3.org/TR/trace-context). From anyone else those headers
// are the client's own words, and a client could make its requests look like someone else's:
// the portal then picks a fresh id. proxy.ts decides once and passes it on in REQUEST_ID_HEADER,
// which it always overwrites, so the handlers behind it can read it back (requestIdOf).

export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The id for an incoming request, given how far its forwarded headers can be believed. */
export function assignRequestId(headers: Headers, trust: Pick<ProxyTrust, "hops" | "onVercel">): string {
  const trusted = trust.onVercel || trust.hops > 0;
  return (trusted ? fromProxy(headers) : undefined) ?? randomUUID();
}

/** The id proxy.ts gave this request; a fresh one where no proxy ran (a test calling a handler). */
export function requestIdOf(headers: Headers): string {
  const id = headers.get(REQUEST_ID_HEADER);
  return id && SAFE_ID.test(id) ? id : randomUUID();
}

function fromProxy(headers: Headers): string | undefined {
  const named = headers.get(REQUEST_ID_HEADER)?.trim();
  if (named && SAFE_ID.test(named)) return named;
  const traceId = TRACEPARENT.exec(headers.get("traceparent")?.trim() ?? "")?.[1];
  if (traceId && !/^0+$/.test(traceId)) return traceId;
  // Vercel names every request itself (vercel.com/docs/headers/request-headers#x-vercel-id).
  const vercelId = headers.get("x-vercel-id")?.trim();
  return vercelId && SAFE_ID.test(vercelId) ? vercelId : undefined;
}
