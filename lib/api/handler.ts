import "server-only";
import { z } from "zod";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from "@/lib/database/availability";
import { getViewer, type Viewer } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { timed } from "@/lib/metrics/http";
import { translator } from "@/lib/i18n/translator";
import { withLogContext } from "@/lib/observability/log-context";
import { logger } from "@/lib/observability/logger";
import { requestIdOf } from "@/lib/observability/request-id";
import { RequestRefusedError } from "@/lib/requests/create-privacy-request";
import { ApiError, apiError } from "./errors";
import { assertJsonBody, assertSameOriginWrite, type BodyType } from "./same-origin";

// Every /api/v1 route is wrapped once: it times the request (lib/metrics/http.ts), authenticates,
// refuses cross-site and non-JSON writes, hands the handler the viewer and its params, and turns
// known errors into JSON with a stable code from lib/api/errors.ts. Nothing leaks a stack trace.

export { ApiError, apiError } from "./errors";

export const notFound = () => new ApiError("not_found", "There is no export with that id.");

type Handler<P> = (request: Request, context: { viewer: Viewer; params: P }) => Promise<Response>;

/** `body`: what a write must send; JSON unless the route takes a file (multipart/form-data). */
export function withViewer<P>(handler: Handler<P>, options: { body?: BodyType } = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = await context.params;
    // Every line logged while answering carries the request id proxy.ts gave it.
    return withLogContext({ requestId: requestIdOf(request.headers) }, () =>
      timed(request, params, () => answer(handler, request, params, options.body)),
    );
  };
}

async function answer<P>(handler: Handler<P>, request: Request, params: P, body?: BodyType): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) return apiError("unauthenticated", "Sign in to use the exports API.");
    // The session is a cookie the browser sends from any site: a write must prove it is ours.
    const config = env();
    assertSameOriginWrite(
      request,
      [config.PORTAL_URL, config.AUTH_URL].filter((url) => url !== undefined),
    );
    assertJsonBody(request, body);
    return await handler(request, { viewer, params });
  } catch (error) {
    if (error instanceof ApiError) return apiError(error.code, error.message, error.details);
    if (error instanceof RequestRefusedError) return apiError(error.code, error.message);
    if (error instanceof z.ZodError)
      return apiError("invalid_request", "The request body is not valid.", z.flattenError(error));
    if (isDatabaseUnavailable(error)) return databaseUnavailable();
    const path = new URL(request.url).pathname;
    logger().error({ err: error, method: request.method, path }, "API request failed");
    return apiError("internal_error", "Something went wrong on our side. Please try again.");
  }
}

/** 503 with Retry-After while the database is away (a failover, a restart): the client tries again. */
export function databaseUnavailable(): Response {
  // The API's messages are English, like its codes; the words are the pages' own.
  const response = apiError("service_unavailable", translator("en")(DATABASE_UNAVAILABLE_MESSAGE));
  response.headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  return response;
}

/**
 * Reads a multipart body of at most `limit` bytes, counting what actually arrives (a declared
 * Content-Length can lie, a chunked body has none) and stopping at the limit.
 */
export async function readFormData(request: Request, limit: number): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const megabytes = Math.round(limit / (1024 * 1024));
  const tooLarge = () => new ApiError("body_too_large", `The request body must be under ${megabytes} MB.`);
  if (declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > limit) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  try {
    const headers = { "content-type": request.headers.get("content-type") ?? "" };
    return await new Response(Buffer.concat(chunks), { headers }).formData();
  } catch {
    throw new ApiError("invalid_request", "The request body is not valid multipart/form-data.");
  }
}

/** Reads a JSON body of at most `limit` bytes, with a clear error for anything else. */
export async function readJson(request: Request, limit = 16 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > limit) throw new ApiError("body_too_large", `The request body must be under ${limit} bytes.`);
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
}
