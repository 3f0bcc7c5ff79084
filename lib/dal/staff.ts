import "server-only";
import { audit, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { renderStaffInvitationEmail } from "@/lib/email/templates/staff-invitation-email";
import { env } from "@/lib/env";
import { portalAddress } from "@/lib/http/portal-url";
import { logger } from "@/lib/observability/logger";
import { changeStaffRole } from "@/lib/staff/change-role";
import type { STAFF_ROLES } from "@/lib/schemas/staff";
import { isAdmin } from "@/lib/auth/roles";
import type { Viewer } from "./session";

// Staff and roles: ADMIN only. The rules themselves (last admin, not your own role, audit) live
// in lib/staff/change-role.ts, shared with the `staff:add` command.

type StaffRole = (typeof STAFF_ROLES)[number];

function assertAdmin(viewer: Viewer, what: string) {
  if (!isAdmin(viewer)) throw new Error(`${what} needs an admin viewer`);
}

const actorOf = (viewer: Viewer) => ({ type: "USER" as const, id: viewer.id, email: viewer.email });

export function listStaffMembers(viewer: Viewer) {
  assertAdmin(viewer, "listStaffMembers");
  return db.user.findMany({
    where: { role: { in: ["REVIEWER", "ADMIN"] } },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    take: 500,
    select: { id: true, email: true, name: true, role: true, createdAt: true, emailVerified: true },
  });
}

/**
 * Gives an address the REVIEWER role (creating the account if needed) and emails an invitation
 * to sign in. The role change commits first; if the email then fails, the person can still sign
 * in at /sign-in, and the admin is told.
 */
export async function inviteReviewer(
  viewer: Viewer,
  email: string,
  context: AuditContext,
): Promise<{ email: string; emailSent: boolean }> {
  assertAdmin(viewer, "inviteReviewer");
  const change = await changeStaffRole(actorOf(viewer), { email }, "REVIEWER", {
    context,
    createIfMissing: true,
    refuseIfStaff: true,
  });
  const signInUrl = portalAddress(`/sign-in?${new URLSearchParams({ callbackUrl: "/admin" })}`);
  try {
    const content = await renderStaffInvitationEmail({
      signInUrl,
      companyName: env().COMPANY_NAME,
      invitedBy: viewer.name ?? viewer.email,
      role: "reviewer",
    });
    const { id } = await sendEmail({
      to: change.user.email,
      ...content,
      idempotencyKey: `staff-invitation/${change.auditEventId}`,
    });
    await audit({
      actor: actorOf(viewer),
      action: "email.sent",
      target: { type: "User", id: change.user.id },
      context,
      metadata: { template: "staff-invitation", emailId: id },
    });
    return { email: change.user.email, emailSent: true };
  } catch (error) {
    logger({ module: "staff" }).error({ err: error }, "staff invitation email failed");
    return { email: change.user.email, emailSent: false };
  }
}

export function setStaffRole(viewer: Viewer, userId: string, role: StaffRole, context: AuditContext) {
  assertAdmin(viewer, "setStaffRole");
  return changeStaffRole(actorOf(viewer), { userId }, role, { context, onlyStaff: true });
}

/** Back to CUSTOMER: the person keeps their account (and their own requests), not the console. */
export function removeStaffMember(viewer: Viewer, userId: string, context: AuditContext) {
  assertAdmin(viewer, "removeStaffMember");
  return changeStaffRole(actorOf(viewer), { userId }, "CUSTOMER", { context, onlyStaff: true });
}
