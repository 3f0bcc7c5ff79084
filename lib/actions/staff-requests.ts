"use server";

import { revalidatePath } from "next/cache";
import type { AuditContext } from "@/lib/audit";
import {
  approveIdentity,
  cancelRequestAsStaff,
  decideFinding,
  decideRemaining,
  extendRequestDeadline,
  rejectIdentity,
  retryFailedSource,
} from "@/lib/dal/staff-requests";
import type { Viewer } from "@/lib/dal/session";
import type { StaffOutcome } from "@/lib/requests/staff-outcome";
import {
  approveIdentitySchema,
  cancelRequestSchema,
  decideFindingSchema,
  decideRemainingFindingsSchema,
  extendDeadlineSchema,
  rejectIdentitySchema,
  retrySourceSchema,
} from "@/lib/schemas/staff-requests";
import { action, NOT_FOUND } from "./procedure";
import { actionError, type ActionResult } from "./result";

// The request page's staff actions. Each declares its role and input schema; the data-access
// layer checks the request and the rules (four eyes, decide once, Art. 12(3)) and answers with an
// outcome that becomes a message on the page.

function staffAction<S extends Parameters<typeof action>[0]["input"]>(
  input: S,
  run: (viewer: Viewer, input: never, context: AuditContext) => Promise<StaffOutcome>,
  done: string,
) {
  return action({ who: "staff", input }, async (parsed, { viewer, context }): Promise<ActionResult<string>> => {
    const outcome = await run(viewer, parsed as never, context);
    if (outcome.kind === "not-found") return actionError(NOT_FOUND);
    if (outcome.kind === "refused") return actionError(outcome.message);
    const requestId = (parsed as { requestId: string }).requestId;
    revalidatePath(`/admin/requests/${requestId}`);
    revalidatePath("/admin");
    return { ok: true, data: done };
  });
}

export const approveIdentityAction = staffAction(
  approveIdentitySchema,
  approveIdentity,
  "Approved. The export has started.",
);
export const rejectIdentityAction = staffAction(
  rejectIdentitySchema,
  rejectIdentity,
  "Rejected. The customer has been emailed the reason.",
);
export const extendDeadlineAction = staffAction(
  extendDeadlineSchema,
  extendRequestDeadline,
  "Extended. The customer has been emailed the new date and the reason.",
);
export const cancelRequestAction = staffAction(
  cancelRequestSchema,
  cancelRequestAsStaff,
  "Cancelled. The customer has been emailed the reason.",
);
export const retrySourceAction = staffAction(
  retrySourceSchema,
  retryFailedSource,
  "Retry started. The source is collected again and the archive re-packaged.",
);
export const decideFindingAction = staffAction(
  decideFindingSchema,
  decideFinding,
  "Decided. Once every passage is decided, the archive is packaged.",
);
export const decideRemainingFindingsAction = staffAction(
  decideRemainingFindingsSchema,
  decideRemaining,
  "Decided every remaining passage. The archive is being packaged.",
);
