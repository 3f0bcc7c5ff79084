import { env } from "@/lib/env";
import { portalAddress } from "@/lib/http/portal-url";
import { securityTxt } from "@/lib/http/security-txt";

// Public by design (RFC 9116): anyone, signed in or not, may read how to report a vulnerability.
// It reads no portal data, so it needs no data-access check and no database.
export const dynamic = "force-dynamic";

export function GET() {
  const config = env();
  const body = securityTxt({
    contact: config.SECURITY_CONTACT ?? `mailto:${config.COMPANY_CONTACT_EMAIL}`,
    canonical: portalAddress("/.well-known/security.txt"),
    policy: config.SECURITY_POLICY_URL,
    // Reports are read by staff, whose console is in English.
    languages: ["en"],
    now: new Date(),
  });
  // RFC 9116 §3: text/plain with a charset; a day's cache keeps Expires well in the future.
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
