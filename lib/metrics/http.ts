import { Histogram } from "prom-client";

// HTTP request duration, by route template, method and status: kept in this process's memory
// (only the process that answered knows how long it took), so each web instance reports its own
// and Prometheus sums them. What is measured: every route handler wrapped by lib/api/handler.ts
// (the /api/v1 REST API) and /api/metrics itself. Pages and server actions are not: proxy.ts
// runs before Next.js renders and never sees the end of a response, and Next.js 16 offers no hook
// after one (instrumentation.ts has onRequestError only); traces cover them instead.

const NAME = "portal_http_request_duration_seconds";

type Store = { portalHttpDuration?: Histogram<"route" | "method" | "status"> };

/** One histogram per process, even when Next.js loads this module in more than one bundle. */
export function httpRequestDuration(): Histogram<"route" | "method" | "status"> {
  const store = globalThis as Store;
  store.portalHttpDuration ??= new Histogram({
    name: NAME,
    help: "Time to answer an HTTP request, by route template, method and status (this web process only).",
    labelNames: ["route", "method", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });
  return store.portalHttpDuration;
}

/**
 * The route's template (`/api/v1/exports/[id]`), not its path: one series per route, however
 * many ids are asked for. Each dynamic segment's value is put back as its parameter's name.
 */
export function routeTemplate(pathname: string, params: unknown): string {
  const names = new Map<string, string>();
  if (params && typeof params === "object") {
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === "string") names.set(value, `[${name}]`);
      // A catch-all's segments become one `[...name]`.
      if (Array.isArray(value))
        for (const segment of value) if (typeof segment === "string") names.set(segment, `[...${name}]`);
    }
  }
  const segments = pathname.split("/").map((segment) => names.get(safeDecode(segment)) ?? segment);
  return segments.filter((segment, i) => !(segment.startsWith("[...") && segments[i - 1] === segment)).join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Times `answer` and records it under the request's route and the response's status. */
export async function timed(request: Request, params: unknown, answer: () => Promise<Response>): Promise<Response> {
  const stop = httpRequestDuration().startTimer({
    method: request.method,
    route: routeTemplate(new URL(request.url).pathname, params),
  });
  try {
    const response = await answer();
    stop({ status: String(response.status) });
    return response;
  } catch (error) {
    stop({ status: "500" });
    throw error;
  }
}
