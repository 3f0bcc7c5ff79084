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

export const actorOf = (actor: StaffActor) => ({ type: "USER" as const, id: actor.id, email: actor.email });
