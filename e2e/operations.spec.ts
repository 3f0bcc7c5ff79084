import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "./support/limits";

// What an SRE's Prometheus sees of the running portal: /api/metrics answers its token only, in
// Prometheus's text format, with the portal's own metrics.

test("/api/metrics refuses a scraper without the token and serves one that has it", async ({ request }) => {
  const anonymous = await request.get("/api/metrics");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toContain("Bearer");
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token" } })).status()).toBe(
    401,
  );

  const scraped = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(scraped.status()).toBe(200);
  expect(scraped.headers()["content-type"]).toContain("text/plain; version=0.0.4");
  const text = await scraped.text();
  for (const metric of [
    "portal_requests_open",
    "portal_requests_overdue",
    "portal_jobs",
    "portal_outbox_lag_seconds",
    "portal_export_duration_seconds",
  ]) {
    expect(text, metric).toMatch(new RegExp(`^# TYPE ${metric} `, "m"));
  }
  // The refused scrapes were timed by this web process.
  expect(text).toMatch(
    /^portal_http_request_duration_seconds_count\{[^}]*route="\/api\/metrics"[^}]*status="401"[^}]*\} [1-9]/m,
  );
});
