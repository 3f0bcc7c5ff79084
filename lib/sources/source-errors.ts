// How a source says why it could not be collected. The message is what staff read on the source
// row, so it names the service and what to do, never a stack trace.

/**
 * The service refused our credentials (HTTP 401/403). Retrying cannot help until someone fixes
 * the configuration, so the workflow fails the source at once instead of retrying.
 */
export class SourceRejectedError extends Error {
  override name = "SourceRejectedError";
  readonly retriable = false;
}

/** The service kept failing (timeouts, 5xx, rate limits) after the retries inside the step. */
export class SourceUnavailableError extends Error {
  override name = "SourceUnavailableError";
}
