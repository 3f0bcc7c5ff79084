import { SourceIncompleteError, SourceRejectedError, SourceUnavailableError } from "../source-errors";

/** Who an outside source is and which setting holds its credential, for errors staff can act on. */
export type ServiceIdentity = { service: string; credential: string; variable: string };

/** The body of a successful answer, or an error that says what went wrong in plain words. */
export async function readServiceJson<T>(who: ServiceIdentity, response: Response): Promise<T> {
  if (response.ok) {
    try {
      return (await response.json()) as T;
    } catch (error) {
      // The connection dropped or the body ended mid-way: what did arrive is not the whole answer.
      const reason = error instanceof Error ? error.message : String(error);
      throw new SourceIncompleteError(
        `${who.service} broke off its answer part-way (${reason}). Retry the source later.`,
      );
    }
  }
  const detail = await response.text().catch(() => "");
  throw serviceError(who, response.status, quoteDetail(detail).replace(/\.$/, ""));
}

export function serviceError(who: ServiceIdentity, status: number, detail: string): Error {
  if (status === 401 || status === 403) {
    return new SourceRejectedError(
      `${who.service} rejected the ${who.credential} (HTTP ${status}${detail ? `: ${detail}` : ""}). ` +
        `Check ${who.variable}, then retry this source.`,
    );
  }
  return new SourceUnavailableError(
    `${who.service} answered HTTP ${status}${detail ? `: ${detail}` : ""}. Retry the source later.`,
  );
}

/** The service's own error message, from the JSON shapes Stripe, Intercom and PostHog use. */
function quoteDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as {
      error?: { message?: string };
      errors?: { message?: string }[];
      detail?: string;
      message?: string;
    };
    return (parsed.error?.message ?? parsed.errors?.[0]?.message ?? parsed.detail ?? parsed.message ?? "").slice(
      0,
      200,
    );
  } catch {
    return "";
  }
}
