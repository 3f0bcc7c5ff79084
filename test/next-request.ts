import { isRedirectError } from "next/dist/client/components/redirect-error.js";
import { getURLFromRedirectError } from "next/dist/client/components/redirect.js";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store.js";
import { createWorkStore } from "next/dist/server/async-storage/work-store.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { getImplicitTags } from "next/dist/server/lib/implicit-tags.js";
import { NextRequest } from "next/server.js";

// One request as Next.js serves a route handler or a server action, for integration tests: the
// same request and work stores its app-route module creates (next/dist/server/route-modules/
// app-route), so next/headers' headers() and cookies() read the request, cookies().set() and
// Auth.js's session cookie land in the response, and redirect() is Next's own. Nothing of ours is
// stood in for. Needs test/next-runtime.ts loaded first (vitest.config.ts setupFiles).

/** Where the tests' requests go: the address a developer's portal has. */
export const PORTAL = "http://localhost:3000";

export type Served<T> = { value: T; setCookies: string[] } | { redirectedTo: string; setCookies: string[] };

/** Runs `work` while Next.js would be serving `request`; a redirect() is reported, not thrown. */
export async function serve<T>(request: Request, work: (request: NextRequest) => Promise<T>): Promise<Served<T>> {
  const nextRequest = new NextRequest(request);
  const setCookies: string[] = [];
  const implicitTags = await getImplicitTags(nextRequest.nextUrl.pathname, nextRequest.nextUrl.pathname, null);
  const requestStore = createRequestStoreForAPI(
    nextRequest,
    nextRequest.nextUrl,
    implicitTags,
    (cookies: string[]) => setCookies.splice(0, setCookies.length, ...cookies),
    undefined,
    undefined,
  );
  const workStore = createWorkStore({
    page: nextRequest.nextUrl.pathname,
    renderOpts: { experimental: {}, cacheComponents: false } as never,
    buildId: "test",
    deploymentId: "test",
    previouslyRevalidatedTags: [],
  });
  try {
    const value = await workUnitAsyncStorage.run(requestStore, () =>
      workAsyncStorage.run(workStore, () => work(nextRequest)),
    );
    return { value, setCookies };
  } catch (error) {
    if (isRedirectError(error)) return { redirectedTo: getURLFromRedirectError(error)!, setCookies };
    throw error;
  }
}

/** Calls an app route handler (GET, POST…) with `request`, as Next.js does. */
export async function callRoute<P>(
  handler: (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>,
  request: Request,
  params: P = {} as P,
): Promise<Response> {
  const served = await serve(request, (nextRequest) => handler(nextRequest, { params: Promise.resolve(params) }));
  if ("redirectedTo" in served) throw new Error(`the route redirected to ${served.redirectedTo}`);
  return served.value;
}

/** A request from a browser at the portal's address, with `cookie` and any other headers. */
export function browserRequest(
  path: string,
  init: { cookie?: string; headers?: Record<string, string>; method?: string; body?: string } = {},
): Request {
  const url = new URL(path, PORTAL);
  // A browser names the host, and Next.js adds the x-forwarded-* headers before any handler runs
  // (next/dist/server/base-server.js); Auth.js builds its URLs, and picks its cookie names, from them.
  const headers = new Headers({
    host: url.host,
    "x-forwarded-host": url.host,
    "x-forwarded-port": url.port || "80",
    "x-forwarded-proto": url.protocol.slice(0, -1),
    ...init.headers,
  });
  if (init.cookie) headers.set("cookie", init.cookie);
  return new Request(url, { method: init.method ?? "GET", headers, body: init.body });
}
