import { z } from "zod";
import { REQUEST_STATUSES } from "@/lib/requests/lifecycle";
import { MAX_EXTENSION_MONTHS } from "@/lib/compliance/legal-clock";
import { plainText } from "./text";

// The review console's inputs: the queue's filters (from the URL) and the staff actions on one
// request (from forms). Every action names its request; the data-access layer decides whether the
// viewer may act on it.

const requestId = z.uuid({ message: "Unknown request." });
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A reason the customer will read: required, a sentence, not an essay. */
const customerReason = (missing: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? "" : value),
    plainText().trim().min(5, missing).max(500, "Keep the reason under 500 characters."),
  );

// ------------------------------------------------------------------------------------------------
// Queue filters. A bad or tampered value falls back to its default: a URL never breaks the page.

export const QUEUE_PAGE_SIZE = 50;

export const queueFilterSchema = z.object({
  status: z
    .enum(["open", "all", ...REQUEST_STATUSES])
    .catch("open")
    .default("open"),
  type: z.enum(["any", "ACCESS", "PORTABILITY"]).catch("any").default("any"),
  due: z.enum(["any", "overdue", "soon"]).catch("any").default("any"),
  q: z.preprocess(blankToUndefined, plainText().trim().max(320).optional()).catch(undefined),
  /** Keyset cursor: the last row's due date and id, from the previous page. */
  after: z
    .string()
    .regex(/^\d{1,15}_[0-9a-f-]{36}$/)
    .optional()
    .catch(undefined),
});

export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** Search params as Next.js passes them (a key given twice arrives as an array: take the first). */
export function parseQueueFilter(searchParams: Record<string, string | string[] | undefined>): QueueFilter {
  const first = Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return queueFilterSchema.parse(first);
}

// ------------------------------------------------------------------------------------------------
// Actions.

/** "none" confirms that the company holds no data about this person. */
export const NO_DATA_HELD = "none";

export const approveIdentitySchema = z.object({
  requestId,
  subject: z.preprocess(blankToUndefined, z.string().max(200).optional()),
});

export const rejectIdentitySchema = z.object({
  requestId,
  reason: customerReason("Say why the identity check is rejected; the customer is told."),
});

export const extendDeadlineSchema = z.object({
  requestId,
  months: z.coerce
    .number({ message: "Choose one or two months." })
    .int("Choose one or two months.")
    .min(1, "Choose one or two months.")
    .max(
      MAX_EXTENSION_MONTHS,
      `A deadline can be extended by at most ${MAX_EXTENSION_MONTHS} months (Art. 12(3) GDPR).`,
    ),
  reason: customerReason("Say why more time is needed; the customer is told."),
});

export const cancelRequestSchema = z.object({
  requestId,
  reason: customerReason("Say why the request is cancelled; the customer is told."),
});

export const retrySourceSchema = z.object({
  requestId,
  sourceKey: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Unknown source."),
});

const findingDecision = z.enum(["REDACT", "KEEP"], { message: "Choose whether to redact or keep this passage." });
/** A reason staff read in the audit log (the customer does not). */
const auditReason = z.preprocess(
  (value) => (value === undefined || value === null ? "" : value),
  plainText()
    .trim()
    .min(5, "Say why; the reason is kept in the audit log.")
    .max(500, "Keep the reason under 500 characters."),
);

/** Art. 15(4): a reviewer redacts or keeps one passage of another person's data, and says why. */
export const decideFindingSchema = z.object({
  requestId,
  findingId: z.uuid({ message: "Unknown passage." }),
  decision: findingDecision,
  reason: auditReason,
});

/** The same decision and reason for every passage still undecided. */
export const decideRemainingFindingsSchema = z.object({ requestId, decision: findingDecision, reason: auditReason });

export type ApproveIdentityInput = z.infer<typeof approveIdentitySchema>;
export type RejectIdentityInput = z.infer<typeof rejectIdentitySchema>;
export type ExtendDeadlineInput = z.infer<typeof extendDeadlineSchema>;
export type CancelRequestInput = z.infer<typeof cancelRequestSchema>;
export type RetrySourceInput = z.infer<typeof retrySourceSchema>;
export type DecideFindingInput = z.infer<typeof decideFindingSchema>;
export type DecideRemainingFindingsInput = z.infer<typeof decideRemainingFindingsSchema>;
