import { type FakeRequest, startFakeServer } from "./http-fake";
import { outsideCustomers, seedTime } from "./outside-seed";

// A local stand-in for PostHog's events API (posthog.com/docs/api/events): bearer personal API
// key; GET /api/projects/{id}/events/?distinct_id=&limit=&after=&before= answering
// { next, results } newest first, `next` being the absolute URL of the following page (a `before`
// cursor); errors in Django REST framework's shape { type, code, detail, attr }; 429 with
// Retry-After as DRF throttling sends it.

type PostHogEvent = {
  id: string;
  distinct_id: string;
  event: string;
  timestamp: string;
  properties: Record<string, unknown>;
  elements: [];
  elements_chain: "";
};

const EVENTS = ["$pageview", "$pageview", "stream_created", "$autocapture", "payout_viewed", "$pageleave"];
const PAGES = ["/dashboard", "/streams", "/streams/new", "/payouts", "/settings"];

function seed(): Map<string, PostHogEvent[]> {
  const byPerson = new Map<string, PostHogEvent[]>();
  outsideCustomers().forEach((person, n) => {
    const events: PostHogEvent[] = [];
    // Newest first, one minute apart: timestamps are unique, as the `before` cursor needs.
    for (let i = person.history.analyticsEvents - 1; i >= 0; i -= 1) {
      const at = new Date((seedTime(n, 0) + i * 60) * 1000);
      events.push({
        id: `0190${String(n).padStart(4, "0")}-0000-7000-8000-${String(i).padStart(12, "0")}`,
        distinct_id: person.externalId,
        event: EVENTS[i % EVENTS.length]!,
        timestamp: at.toISOString().replace("Z", "+00:00"),
        properties: {
          $current_url: `https://app.streampay.example${PAGES[i % PAGES.length]}`,
          $browser: i % 3 ? "Firefox" : "Chrome",
          $os: i % 4 ? "Mac OS X" : "Android",
          $device_type: i % 4 ? "Desktop" : "Mobile",
          $geoip_country_code: person.country,
          $ip: `198.51.100.${n}`,
          $session_id: `sess-${n}-${Math.floor(i / 50)}`,
          token: "phc_project_token_INTERNAL",
        },
        elements: [],
        elements_chain: "",
      });
    }
    if (events.length > 0) byPerson.set(person.externalId, events);
  });
  return byPerson;
}

export function startFakeAnalytics(options: { apiKey?: string; projectId?: string; port?: number } = {}) {
  const events = seed();
  const projectId = options.projectId ?? "4242";
  return startFakeServer(
    {
      errorBody: (status, token) =>
        token === "unauthorized"
          ? {
              type: "authentication_error",
              code: "authentication_failed",
              detail: "Incorrect authentication credentials.",
              attr: null,
            }
          : token === "rate_limited"
            ? { type: "throttled_error", code: "throttled", detail: "Request was throttled.", attr: null }
            : token === "not_found"
              ? { type: "invalid_request", code: "not_found", detail: "Not found.", attr: null }
              : {
                  type: "server_error",
                  code: "error",
                  detail: `A server error occurred (HTTP ${status}).`,
                  attr: null,
                },
      route({ method, url }: FakeRequest) {
        if (method !== "GET" || url.pathname !== `/api/projects/${projectId}/events/`) return undefined;
        const params = url.searchParams;
        const limit = Math.min(Number(params.get("limit") ?? 100), 1000);
        const before = params.get("before");
        const after = params.get("after");
        const all = events.get(params.get("distinct_id") ?? "") ?? [];
        const within = all.filter(
          (e) =>
            (!before || Date.parse(e.timestamp) < Date.parse(before)) &&
            (!after || Date.parse(e.timestamp) >= Date.parse(after)),
        );
        const results = within.slice(0, limit);
        let next: string | null = null;
        if (within.length > limit) {
          const following = new URL(url);
          following.searchParams.set("before", results.at(-1)!.timestamp);
          next = following.toString();
        }
        return { status: 200, body: { next, results } };
      },
    },
    { token: options.apiKey ?? "phx_fake_analytics_key", port: options.port },
  );
}
