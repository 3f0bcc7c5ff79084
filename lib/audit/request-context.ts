import { headers } from "next/headers";
import type { AuditContext } from "./append";

/** The caller's IP and user agent, for audit events written while serving a request. */
export async function requestContext(): Promise<AuditContext> {
  return requestContextFrom(await headers());
}

export function requestContextFrom(headers: Headers): AuditContext {
  // The first x-forwarded-for entry is the client as the nearest proxy saw it.
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent"),
  };
}
