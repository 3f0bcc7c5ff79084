import { eventType } from "inngest";
import { z } from "zod";

// The events that drive the export workflows. One schema each, shared by the code that sends
// them (staff console, request form, API) and the functions they trigger.

export const requestApproved = eventType("privacy/request.approved", {
  schema: z.object({ requestId: z.uuid() }),
});

export const sourceRetryRequested = eventType("privacy/source.retry", {
  schema: z.object({ requestId: z.uuid(), sourceKey: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/) }),
});
