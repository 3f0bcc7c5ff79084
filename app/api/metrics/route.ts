import { apiError } from "@/lib/api/errors";
import { databaseUnavailable } from "@/lib/api/handler";
import { isDatabaseUnavailable } from "@/lib/database/availability";
import { env } from "@/lib/env";
import { timed } from "@/lib/metrics/http";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/registry";
import { scrapeAccess } from "@/lib/metrics/scrape-access";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics: Prometheus's text format for a scraper holding METRICS_TOKEN. Not a person's
 * route, so it authorises by that token (lib/metrics/scrape-access.ts), not through lib/dal, and
 * shows only counts, never a request, a reference or an address.
 */
export function GET(request: Request): Promise<Response> {
  return timed(request, {}, async () => {
    const access = scrapeAccess(request.headers.get("authorization"), env().METRICS_TOKEN);
    if (access === "disabled") return apiError("not_found", "There is nothing at that address.");
    if (access === "refused") {
      const refused = apiError(
        "unauthenticated",
        "Present the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.",
      );
      refused.headers.set("WWW-Authenticate", 'Bearer realm="metrics"');
      return refused;
    }
    try {
      return new Response(await renderMetrics(), {
        headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" },
      });
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailable();
      throw error;
    }
  });
}
