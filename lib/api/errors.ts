// The closed set of error codes the API answers with, and the HTTP status of each (after Dub's
// apps/web/lib/api/errors.ts). A client can switch on `error.code`; a new code is added here or
// nowhere.

const STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  cross_site_request: 403,
  not_found: 404,
  open_request_exists: 409,
  body_too_large: 413,
  // RFC 9110 §15.5.16: the body is in a format this route does not take (it takes JSON only).
  unsupported_media_type: 415,
  daily_limit_reached: 429,
  // Requests for someone else (lib/requests/request-limits.ts).
  agent_open_request_exists: 409,
  agent_daily_limit_reached: 429,
  agent_self: 422,
  // The mandate file (lib/mandates/inspect-upload.ts): too big, not a PDF/PNG/JPEG by its bytes,
  // or a document that acts when opened or claims absurd dimensions.
  mandate_too_large: 413,
  mandate_unsupported_type: 415,
  mandate_refused: 422,
  internal_error: 500,
  // The database is away (a failover, a restart): try again shortly.
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof STATUS;

export function statusOf(code: ApiErrorCode): number {
  return STATUS[code];
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return statusOf(this.code);
  }
}

export function apiError(code: ApiErrorCode, message: string, details?: unknown): Response {
  return Response.json(
    { error: { code, message, ...(details ? { details } : {}) } },
    { status: statusOf(code), headers: { "Cache-Control": "no-store" } },
  );
}
