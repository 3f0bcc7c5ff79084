import { timingSafeEqual, createHash } from "node:crypto";

// Who may scrape /api/metrics: whoever presents METRICS_TOKEN as a Bearer token (RFC 6750 §2.1).
// The metrics show volumes and deadlines, not personal data, but still nothing for the public.
// Without a configured token the endpoint does not exist (404), so a deployment that does not
// scrape exposes nothing; a missing or wrong token is 401 with a challenge.

export type ScrapeAccess = "allowed" | "disabled" | "refused";

export function scrapeAccess(authorization: string | null, token: string | undefined): ScrapeAccess {
  if (!token) return "disabled";
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  // Both sides hashed to the same length first, so the comparison takes the same time whatever
  // was presented and timingSafeEqual never sees different lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0 ? "allowed" : "refused";
}
