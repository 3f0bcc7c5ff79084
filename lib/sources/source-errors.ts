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

/**
 * The service answered only part of the subject's data: a body cut off, a page without its list,
 * a search that stopped short of its own total. Art. 15(1) asks for a copy of all of it, so the
 * source fails (and may be retried) rather than being counted as complete with fewer records.
 */
export class SourceIncompleteError extends Error {
  override name = "SourceIncompleteError";
}
