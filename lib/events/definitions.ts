import { eventType } from "inngest";
import { z } from "zod";

// The events that drive the workflows: their names and payload schemas. They belong to lib/, where
// the code that sends them lives (staff console, request form, API); inngest/functions/ only wires
// a function to each.
//
// Send with `await inngest.send(requestApproved.create({ requestId }))`, or through the outbox
// (lib/events/outbox.ts): the SDK validates the data against the schema before sending, and the
// function sees it typed as `event.data`. Pass `{ id }` as create's second argument to make a send
// idempotent (Inngest, and the embedded runner, start one run per event id).

export const requestApprovedData = z.object({ requestId: z.uuid() });
export type RequestApprovedData = z.infer<typeof requestApprovedData>;

export const requestApproved = eventType("privacy/request.approved", { schema: requestApprovedData });

export const sourceRetryData = z.object({ requestId: z.uuid(), sourceKey: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/) });
export type SourceRetryData = z.infer<typeof sourceRetryData>;

export const sourceRetryRequested = eventType("privacy/source.retry", { schema: sourceRetryData });

// Emails to the customer that a change in their request sets in motion, sent by the
// notify-customer function so that they go through the outbox with the change itself.
// "subject-informed" goes to the data subject of a request made by someone else (lib/mandates).
export const CUSTOMER_NOTICES = ["received", "rejected", "extended", "cancelled", "subject-informed"] as const;
export type CustomerNotice = (typeof CUSTOMER_NOTICES)[number];

export const customerNoticeData = z.object({ requestId: z.uuid(), notice: z.enum(CUSTOMER_NOTICES) });
export type CustomerNoticeData = z.infer<typeof customerNoticeData>;

export const customerNoticeRequested = eventType("privacy/customer.notice", { schema: customerNoticeData });

// Art. 15(4) GDPR: a reviewer has decided every finding of other people's data in a request's free
// text (lib/requests/release-review.ts), which sets the redaction and packaging in motion
// (inngest/functions/release-request.ts). Sent through the outbox with the last decision.
export const requestReleasedData = z.object({ requestId: z.uuid() });
export type RequestReleasedData = z.infer<typeof requestReleasedData>;

export const requestReleased = eventType("privacy/request.released", { schema: requestReleasedData });

/** One release per request: a second send of the same event starts nothing twice. */
export const requestReleasedEvent = (requestId: string) =>
  requestReleased.create({ requestId }, { id: `request-released/${requestId}` });
