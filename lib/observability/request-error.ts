import type { Instrumentation } from "next";
import { logger } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

// Next.js prints an error thrown while rendering a page, running a server action or a route
// handler as plain text, with no request id. instrumentation.ts hands it here too: one JSON line
// with the id proxy.ts gave the request (the response's X-Request-ID, which the person reporting
// the problem quotes) and the route, without the query string (a download link's token).

type RequestErrorArgs = Parameters<Instrumentation.onRequestError>;

export function logRequestError(...[error, request, context]: RequestErrorArgs): void {
  const header = request.headers[REQUEST_ID_HEADER];
  logger({ module: "next" }).error(
    {
      err: error,
      digest: (error as { digest?: string }).digest,
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
