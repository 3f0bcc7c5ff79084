import { IdentityCheckStatus, type IdentityMethod } from "@/lib/generated/prisma/enums";

/** No reviewer has decided yet (an automatic match is decided when the request is made). */
export const isCheckPending = (status: IdentityCheckStatus | null | undefined) =>
  status === IdentityCheckStatus.PENDING;
export const isCheckApproved = (status: IdentityCheckStatus) => status === IdentityCheckStatus.APPROVED;
export const isCheckRejected = (status: IdentityCheckStatus) => status === IdentityCheckStatus.REJECTED;

/** The identity check as the review console names it. */
export function identityStateLabel(status: IdentityCheckStatus | null, method: IdentityMethod | null): string {
  if (!status) return "No check";
  if (isCheckPending(status)) return "Waiting for review";
  if (isCheckRejected(status)) return "Rejected";
  if (method === "EMAIL_AUTO_MATCH") return "Approved (automatic match)";
  return method === "AGENT_MANDATE" ? "Mandate approved by a reviewer" : "Approved by a reviewer";
}
