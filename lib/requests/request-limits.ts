import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { isOpen, OPEN, statusesIn } from "./lifecycle";

// The limits on new requests (DESIGN.md, security model): for one's own data, one open request at
// a time and REQUESTS_PER_DAY a day; for someone else's, one open request per data subject and
// AGENT_REQUESTS_PER_DAY a day. An agent's limits count only the agent's own requests, never the
// subject's: whether the subject has asked too must not show through a refusal (no enumeration).

export type RefusalCode =
  | "open_request_exists"
  | "daily_limit_reached"
  | "agent_open_request_exists"
  | "agent_daily_limit_reached"
  | "agent_self";

export class RequestRefusedError extends Error {
  override name = "RequestRefusedError";
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** For the customer's own language: messages/<locale>.json has `errors.<code>` with these values. */
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

const DAY_MS = 24 * 3600 * 1000;

/** One submission at a time per account, so the limits below cannot be raced past. */
async function lockSubmissions(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`privacy-request:${userId}`}))::text`;
}

/** The account's open requests and those of the last 24 hours, of one kind (own or for others). */
function recentRequests(tx: Tx, userId: string, byAgent: boolean, now: Date) {
  return tx.privacyRequest.findMany({
    where: {
      userId,
      byAgent,
      OR: [{ status: { in: statusesIn(OPEN) } }, { submittedAt: { gte: new Date(now.getTime() - DAY_MS) } }],
    },
    select: { reference: true, status: true, submittedAt: true, mandate: { select: { subjectEmail: true } } },
  });
}

const countToday = (rows: { submittedAt: Date }[], now: Date) =>
  rows.filter((row) => row.submittedAt.getTime() >= now.getTime() - DAY_MS).length;

/** A request for the requester's own data: refused while one is open or the day's are used up. */
export async function checkOwnRequestLimits(tx: Tx, userId: string, now: Date): Promise<void> {
  await lockSubmissions(tx, userId);
  const limit = env().REQUESTS_PER_DAY;
  const recent = await recentRequests(tx, userId, false, now);
  const open = recent.find((row) => isOpen(row.status));
  if (open) {
    throw new RequestRefusedError(
      "open_request_exists",
      `You already have a request in progress (${open.reference}). You can make a new one when it is finished.`,
      { reference: open.reference },
    );
  }
  if (countToday(recent, now) >= limit) {
    throw new RequestRefusedError(
      "daily_limit_reached",
      `You can make ${limit} requests a day. Please try again tomorrow.`,
      { limit },
    );
  }
}

/** A request for someone else: one open per data subject, AGENT_REQUESTS_PER_DAY a day. */
export async function checkAgentRequestLimits(
  tx: Tx,
  agent: { id: string; email: string },
  subjectEmail: string,
  now: Date,
): Promise<void> {
  if (subjectEmail === agent.email.toLowerCase()) {
    throw new RequestRefusedError(
      "agent_self",
      "That is your own email address: ask for your own data without a mandate.",
    );
  }
  await lockSubmissions(tx, agent.id);
  const limit = env().AGENT_REQUESTS_PER_DAY;
  const recent = await recentRequests(tx, agent.id, true, now);
  const open = recent.find((row) => isOpen(row.status) && row.mandate?.subjectEmail === subjectEmail);
  if (open) {
    throw new RequestRefusedError(
      "agent_open_request_exists",
      `You already have a request in progress for this person (${open.reference}).`,
      { reference: open.reference },
    );
  }
  if (countToday(recent, now) >= limit) {
    throw new RequestRefusedError(
      "agent_daily_limit_reached",
      `You can make ${limit} requests a day for other people. Please try again tomorrow.`,
      { limit },
    );
  }
}
