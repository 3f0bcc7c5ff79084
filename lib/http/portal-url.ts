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
