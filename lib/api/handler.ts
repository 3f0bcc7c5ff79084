import "server-only";
import { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/database/availability";
import { getViewer, type Viewer } from "@/lib/dal/session";
import { RequestRefusedError } from "@/lib/requests/create-privacy-request";

// Every /api/v1 route is wrapped once: it authenticates, hands the handler the viewer and its
// params, and turns known errors into JSON with a stable code. Nothing leaks a stack trace.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = () => new ApiError(404, "not_found", "There is no export with that id.");

export function apiError(status: number, code: string, message: string, details?: unknown): Response {
  return Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

type Handler<P> = (request: Request, context: { viewer: Viewer; params: P }) => Promise<Response>;

export function withViewer<P>(handler: Handler<P>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const viewer = await getViewer();
      if (!viewer) return apiError(401, "unauthenticated", "Sign in to use the exports API.");
      return await handler(request, { viewer, params: await params });
    } catch (error) {
      if (error instanceof ApiError) return apiError(error.status, error.code, error.message, error.details);
      if (error instanceof RequestRefusedError) {
        return apiError(error.code === "daily_limit_reached" ? 429 : 409, error.code, error.message);
      }
      if (error instanceof z.ZodError) return apiError(400, "invalid_request", "The request body is not valid.", z.flattenError(error));
      if (isDatabaseUnavailable(error)) return databaseUnavailable();
      console.error("API error", error);
      return apiError(500, "internal_error", "Something went wrong on our side. Please try again.");
    }
  };
}

/** 503 with Retry-After while the database is away (a failover, a restart): the client tries again. */
export function databaseUnavailable(): Response {
  return Response.json(
    { error: { code: "service_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE } },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
  );
}

/** Reads a JSON body of at most `limit` bytes, with a clear error for anything else. */
export async function readJson(request: Request, limit = 16 * 1024): Promise<unknown> {
  const text = await request.text();
  if (text.length > limit) throw new ApiError(413, "body_too_large", `The request body must be under ${limit} bytes.`);
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}
