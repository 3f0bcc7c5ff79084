// next-auth re-exports this class from @auth/core; importing it from there keeps this module
// loadable outside Next.js (tests).
import { CredentialsSignin } from "@auth/core/errors";
import { logger } from "@/lib/observability/logger";

// A sign-in email refused by the rate limit. Auth.js passes only its own client-safe error types
// to the sign-in page (anything else becomes ?error=Configuration, "try again in a few
// minutes", and a stack trace in the log); CredentialsSignin is one, and its `code` travels in
// the URL, so the page can tell the real wait.

const CODE = /^rate-limited-(\d{1,4})m$/;

export class SignInLimitError extends CredentialsSignin {
  constructor(readonly retryAfterMinutes: number) {
    super(`Sign-in email refused by the rate limit; the next one is allowed in ${retryAfterMinutes} minutes.`);
    this.code = `rate-limited-${retryAfterMinutes}m`;
  }
}

/** The wait in minutes carried by the sign-in page's `?code=`, if it is a rate-limit refusal. */
export function retryAfterMinutesFrom(code: string | undefined): number | null {
  const match = code ? CODE.exec(code) : null;
  return match ? Math.max(1, Number(match[1])) : null;
}

export function signInLimitMessage(minutes: number): string {
  const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return (
    "Too many sign-in emails were requested for this address. " +
    `Please try again in ${wait}, or use the last link we sent.`
  );
}

/** Auth.js's logger: a refusal is routine and gets one line; anything else keeps its stack. */
export const authLogger = {
  error(error: Error) {
    if (error instanceof SignInLimitError) {
      // Auth.js appends a "Read more" link to its errors' messages; the line says it plainly.
      const { retryAfterMinutes } = error;
      logger({ module: "auth" }).warn({ retryAfterMinutes }, "sign-in email refused by the rate limit");
      return;
    }
    logger({ module: "auth" }).error({ err: error }, "Auth.js error");
  },
};
