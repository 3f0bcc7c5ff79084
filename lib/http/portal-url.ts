import { env } from "@/lib/env";

// The portal's public address, for absolute links outside a request (emails, security.txt).
// The launcher sets PORTAL_URL from its port; a deployment sets it to its public address.
export function portalUrl(): string {
  return env().PORTAL_URL ?? "http://localhost:3000";
}

/** An absolute URL of a path on the portal. */
export function portalAddress(path: string): string {
  return new URL(path, portalUrl()).toString();
}

/**
 * `response`, with a redirect to the address Next.js was reached at moved onto the portal's: behind
 * a proxy that address is Next.js's own (localhost and its port), whatever Host the proxy passed.
 */
export function redirectOnPortal(response: Response, requestUrl: string): Response {
  const location = response.headers.get("location");
  if (!location) return response;
  const target = new URL(location, requestUrl);
  if (target.origin !== new URL(requestUrl).origin) return response;
  const headers = new Headers(response.headers); // Response.redirect()'s own are immutable
  headers.set("location", portalAddress(`${target.pathname}${target.search}${target.hash}`));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
