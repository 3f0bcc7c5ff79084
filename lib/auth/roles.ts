import type { Role } from "@/lib/generated/prisma/enums";

// What each role may reach. Kept apart from the session helpers (which load Auth.js) so the
// data-access layer can check a viewer's role anywhere, including scripts and tests.

const STAFF_ROLES: readonly Role[] = ["REVIEWER", "ADMIN"];

/** Reviewers and admins: the review console, the audit log, the dashboard. */
export function isStaff(viewer: { role: Role }): boolean {
  return STAFF_ROLES.includes(viewer.role);
}

/** Admins also manage staff and roles. */
export function isAdmin(viewer: { role: Role }): boolean {
  return viewer.role === "ADMIN";
}
