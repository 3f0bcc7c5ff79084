import { isIP } from "node:net";

// Which address is the client's. X-Forwarded-For is a list each proxy appends to, so only the
// entries added by proxies we run can be believed: with N trusted hops, the client is the Nth
// entry from the right (the one our outermost proxy saw). Entries further left are whatever the
// client wrote. With no proxy, the client is the TCP peer, which scripts/peer-address.mjs
// stamps on the request (Next.js does not expose the socket to route handlers). On Vercel the
// platform overwrites the forwarded headers and names the client in x-vercel-forwarded-for
// (vercel.com/docs/headers/request-headers).

export const PEER_ADDRESS_HEADER = "x-portal-peer-address";
const STAMPED = Symbol.for("privacy-portal.peer-address-stamped");

export type ProxyTrust = {
  /** Proxies of ours in front of the app (TRUSTED_PROXY_HOPS). 0: the app faces the client. */
  hops: number;
  onVercel: boolean;
  /** Whether this process runs scripts/peer-address.mjs; without it the peer header is the client's. */
  peerAddressStamped: boolean;
};

export function peerAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/** The client's IP address, or null when it cannot be known under this trust setting. */
export function clientIpFrom(headers: Headers, trust: ProxyTrust): string | null {
  if (trust.onVercel) return ipOrNull(headers.get("x-vercel-forwarded-for")?.split(",")[0]);
  if (trust.hops === 0) return trust.peerAddressStamped ? ipOrNull(headers.get(PEER_ADDRESS_HEADER)) : null;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return trust.peerAddressStamped ? ipOrNull(headers.get(PEER_ADDRESS_HEADER)) : null;
  // Fewer entries than hops: the request skipped a proxy; the leftmost is the furthest we know.
  return ipOrNull(forwarded[Math.max(0, forwarded.length - trust.hops)]);
}

function ipOrNull(value: string | undefined | null): string | null {
  const candidate = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return candidate && isIP(candidate) ? candidate : null;
}
