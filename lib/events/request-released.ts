import { eventType } from "inngest";
import { z } from "zod";

// Art. 15(4) GDPR: a reviewer has decided every finding of other people's data in a request's
// free text (lib/requests/release-review.ts); this sets the redaction and packaging in motion
// (inngest/functions/release-request.ts). Sent through the outbox with the last decision.

export const requestReleasedData = z.object({ requestId: z.uuid() });
export type RequestReleasedData = z.infer<typeof requestReleasedData>;

export const requestReleased = eventType("privacy/request.released", { schema: requestReleasedData });

/** One release per request: a second send of the same event starts nothing twice. */
export const requestReleasedEvent = (requestId: string) => requestReleased.create({ requestId }, { id: `request-released/${requestId}` });
