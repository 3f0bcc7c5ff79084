import type { AuditContext } from "@/lib/audit";

// What a staff action on a request comes to, as a value: done, a refusal the reviewer can act on
// (already decided, own request, deadline passed), or a request that does not exist for them.

export type StaffOutcome = { kind: "done" } | { kind: "refused"; message: string } | { kind: "not-found" };

export const DONE: StaffOutcome = { kind: "done" };
export const NOT_FOUND: StaffOutcome = { kind: "not-found" };
export const refused = (message: string): StaffOutcome => ({ kind: "refused", message });

/** The staff member acting, as the audit log records them. */
export type StaffActor = { id: string; email: string };

export type StaffCall = { actor: StaffActor; requestId: string; context?: AuditContext };

/**
 * Four eyes (DESIGN.md, "Security model"): a staff member is also a customer of the company and
 * may ask for their own data, but never decides, extends or cancels their own request.
 */
export const OWN_REQUEST = refused("This is your own request: another member of staff has to handle it.");

/** Asked for by an agent about this member of staff: their own data (with other people's in it) too. */
export const ABOUT_YOU = refused(
  "This request was made for you by someone else: another member of staff has to handle it.",
);

/** Four eyes: the refusal when `actor` made the request or is the person an agent made it for; else null. */
export function fourEyesRefusal(
  request: { userId: string; subjectEmail?: string | null },
  actor: StaffActor,
): StaffOutcome | null {
  if (request.userId === actor.id) return OWN_REQUEST;
  if (request.subjectEmail?.toLowerCase() === actor.email.toLowerCase()) return ABOUT_YOU;
  return null;
}

export const actorOf = (actor: StaffActor) => ({ type: "USER" as const, id: actor.id, email: actor.email });
