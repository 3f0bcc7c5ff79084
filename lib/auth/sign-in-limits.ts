import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { rateLimitKeyOf } from "@/lib/http/client-network";

// Sign-in emails are rate-limited per address (nobody can flood a mailbox with links) and per IP
// (nobody can enumerate or spam many addresses; an IPv6 client by its /64, client-network.ts).
// Counters live in PostgreSQL so every app process shares them.

const HOUR = 60 * 60;

let limiters: { perAddress: RateLimiterPrisma; perIp: RateLimiterPrisma } | undefined;

function signInLimiters() {
  limiters ??= {
    perAddress: new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: "sign-in-email",
      points: env().SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR,
      duration: HOUR,
      clearExpiredByTimeout: false,
    }),
    perIp: new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: "sign-in-ip",
      points: env().SIGN_IN_EMAILS_PER_IP_PER_HOUR,
      duration: HOUR,
      clearExpiredByTimeout: false,
    }),
  };
  return limiters;
}

export type SignInLimitVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Whether another sign-in email would be allowed, without counting one (for a friendly message). */
export async function checkSignInEmail(email: string, ip: string | null): Promise<SignInLimitVerdict> {
  const { perAddress, perIp } = signInLimiters();
  const used = await Promise.all([perAddress.get(email.toLowerCase()), ip ? perIp.get(rateLimitKeyOf(ip)) : null]);
  const limits = [perAddress.points, perIp.points];
  const exhausted = used.find((res, i) => res !== null && res.consumedPoints >= limits[i]!);
  return exhausted
    ? { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(exhausted.msBeforeNext / 60_000)) }
    : { allowed: true };
}

/** Counts one sign-in email for this address and IP; refuses once either is over its hourly cap. */
export async function consumeSignInEmail(email: string, ip: string | null): Promise<SignInLimitVerdict> {
  const { perAddress, perIp } = signInLimiters();
  try {
    await perAddress.consume(email.toLowerCase());
    if (ip) await perIp.consume(rateLimitKeyOf(ip));
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(error.msBeforeNext / 60_000)) };
    }
    throw error;
  }
}
