import type { IdentityCheckStatus, IdentityMethod } from "@/lib/generated/prisma/enums";

/** The identity check as the review console names it. */
export function identityStateLabel(status: IdentityCheckStatus | null, method: IdentityMethod | null): string {
  if (!status) return "No check";
  if (status === "PENDING") return "Waiting for review";
  if (status === "REJECTED") return "Rejected";
  if (method === "EMAIL_AUTO_MATCH") return "Approved (automatic match)";
  return method === "AGENT_MANDATE" ? "Mandate approved by a reviewer" : "Approved by a reviewer";
}
