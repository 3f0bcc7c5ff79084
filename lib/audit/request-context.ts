import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIpFrom, peerAddressStamped } from "@/lib/http/client-ip";
import type { AuditContext } from "./append";

/** The caller's IP and user agent, for audit events written while serving a request. */
export async function requestContext(): Promise<AuditContext> {
  return requestContextFrom(await headers());
}

export function requestContextFrom(headers: Headers): AuditContext {
  const config = env();
  // Forwarded headers are believed only through the configured proxies (lib/http/client-ip.ts).
  const ip = clientIpFrom(headers, {
    hops: config.TRUSTED_PROXY_HOPS,
    onVercel: config.VERCEL ?? false,
    peerAddressStamped: peerAddressStamped(),
  });
  return { ip, userAgent: headers.get("user-agent") };
}
