import type { CollectOptions, DataSource, DataSubject, ExportRecord, RecordCounting } from "../types";
import { inPages } from "./pages";
import { DEFAULT_RETRY_POLICY, resilientFetch, type RetryPolicy } from "./resilient-fetch";
import { SourceIncompleteError } from "../source-errors";
import { readServiceJson, type ServiceIdentity } from "./service-response";

// The subject's product-analytics events, from PostHog's events API
// (GET /api/projects/{project_id}/events/?distinct_id=…, posthog.com/docs/api/events): newest
// first, each answer carrying `next`, the absolute URL of the following page. The subject is the
// distinct id the product identifies users by: the company's customer id.

export type AnalyticsConfig = {
  /** A personal API key with read access to events. */
  apiKey: string;
  projectId: string;
  /** https://eu.posthog.com, https://us.posthog.com, a self-hosted PostHog, or the local fake. */
  apiBase: string;
  retry?: RetryPolicy;
};

export type AnalyticsSourceDeclaration = Omit<DataSource, "collect" | "fields" | "counting"> & {
  config: AnalyticsConfig;
};

export const ANALYTICS_FIELDS = {
  event_id: "The analytics service's reference for the event",
  event: "What happened, such as a page view or a button press",
  occurred_at: "When it happened",
  page_url: "The page you were on",
  browser: "Your browser",
  os: "Your operating system",
  device_type: "Whether you used a desktop, a tablet or a phone",
  country: "The country your network address points to",
};

const ANALYTICS: ServiceIdentity = {
  service: "The analytics service",
  credential: "API key",
  variable: "ANALYTICS_API_KEY",
};
/** Every `next` link is followed until the service answers next: null. */
const COUNTING: RecordCounting = { method: "API_PAGES", service: "PostHog" };
const MAX_LIMIT = 1000;

type AnalyticsEvent = { id: string; event: string; timestamp: string; properties: Record<string, unknown> };

export function analyticsSource(declaration: AnalyticsSourceDeclaration): DataSource {
  const { config, ...metadata } = declaration;
  return {
    ...metadata,
    counting: COUNTING,
    fields: ANALYTICS_FIELDS,
    collect(subject: DataSubject, options: CollectOptions = {}) {
      const pageSize = options.pageSize ?? 1000;
      return inPages(analyticsRecords(config, subject, Math.min(pageSize, MAX_LIMIT), options), pageSize);
    },
  };
}

async function* analyticsRecords(
  config: AnalyticsConfig,
  subject: DataSubject,
  limit: number,
  options: CollectOptions,
): AsyncIterable<ExportRecord> {
  if (!subject.id) return;
  const send = resilientFetch("The analytics service", config.retry ?? DEFAULT_RETRY_POLICY);
  const first = new URL(`/api/projects/${encodeURIComponent(config.projectId)}/events/`, config.apiBase);
  first.searchParams.set("distinct_id", subject.id);
  first.searchParams.set("limit", String(limit));
  if (options.range?.from) first.searchParams.set("after", options.range.from.toISOString());
  if (options.range?.to) first.searchParams.set("before", options.range.to.toISOString());
  let next: URL | null = first;
  while (next) {
    options.signal?.throwIfAborted();
    const response: Response = await send(next, {
      headers: { authorization: `Bearer ${config.apiKey}`, accept: "application/json" },
      signal: options.signal,
    });
    const page: { next: string | null; results: AnalyticsEvent[] } = await readServiceJson<{
      next: string | null;
      results: AnalyticsEvent[];
    }>(ANALYTICS, response);
    if (!Array.isArray(page.results) || (page.next !== null && typeof page.next !== "string")) {
      throw new SourceIncompleteError(
        "The analytics service answered a page without its results or its next link. Retry the source later.",
      );
    }
    for (const event of page.results) yield project(event);
    next = page.next ? sameOrigin(new URL(page.next, config.apiBase), first) : null;
  }
}

/** The key is only ever sent to the configured host, whatever a `next` link says. */
function sameOrigin(url: URL, base: URL): URL {
  if (url.origin !== base.origin) {
    throw new Error(
      `The analytics service sent a next page on another host (${url.origin}); ` +
        "stopped so the API key is not sent there.",
    );
  }
  return url;
}

function project(event: AnalyticsEvent): ExportRecord {
  const text = (key: string) => (typeof event.properties[key] === "string" ? (event.properties[key] as string) : null);
  return {
    event_id: event.id,
    event: event.event,
    occurred_at: new Date(event.timestamp).toISOString(),
    page_url: text("$current_url"),
    browser: text("$browser"),
    os: text("$os"),
    device_type: text("$device_type"),
    country: text("$geoip_country_code"),
  };
}
