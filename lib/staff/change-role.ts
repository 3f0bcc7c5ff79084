import { appendAuditEventNow, type AuditActor, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Staff roles change here and nowhere else: the review console's staff page and the
// `npm run staff:add` command both call it, so both keep the same rules and the same audit trail.
//   - the last admin cannot be demoted or removed (someone must be able to manage staff);
//   - nobody changes their own role (another admin must do it: four eyes);
//   - every change is one `user.role_changed` event, in the transaction that makes it.

export class StaffRoleRefusedError extends Error {
  override name = "StaffRoleRefusedError";
}

// Role changes serialise on this lock, so two admins demoting each other at the same moment
// cannot both succeed and leave no admin.
const STAFF_ROLE_LOCK = 41_720_932;

export type RoleChangeTarget = { email: string } | { userId: string };

export type RoleChange = {
  user: { id: string; email: string; role: Role };
  previousRole: Role | null;
  changed: boolean;
  auditEventId: bigint | null;
};

export async function changeStaffRole(
  actor: AuditActor,
  target: RoleChangeTarget,
  role: Role,
  options: { context?: AuditContext; createIfMissing?: boolean; refuseIfStaff?: boolean; onlyStaff?: boolean } = {},
): Promise<RoleChange> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${STAFF_ROLE_LOCK}::bigint)::text`;
    const where = "email" in target ? { email: target.email.trim().toLowerCase() } : { id: target.userId };
    let user = await tx.user.findUnique({ where, select: { id: true, email: true, role: true } });
    let previousRole: Role | null = user?.role ?? null;
    if (!user) {
      if (!("email" in target) || !options.createIfMissing)
        throw new StaffRoleRefusedError("There is no such member of staff.");
      user = await tx.user.create({
        data: { email: where.email!, role: "CUSTOMER" },
        select: { id: true, email: true, role: true },
      });
      previousRole = null;
      await appendAuditEventNow(tx, {
        actor,
        action: "user.created",
        target: { type: "User", id: user.id },
        context: options.context,
        metadata: { email: user.email },
      });
    }
    if (actor.type === "USER" && actor.id === user.id) {
      throw new StaffRoleRefusedError("You cannot change your own role. Ask another admin to do it.");
    }
    if (options.onlyStaff && user.role === "CUSTOMER")
      throw new StaffRoleRefusedError("There is no such member of staff.");
    if (options.refuseIfStaff && user.role !== "CUSTOMER") {
      throw new StaffRoleRefusedError(`${user.email} is already a member of staff (${user.role.toLowerCase()}).`);
    }
    if (user.role === role) return { user, previousRole, changed: false, auditEventId: null };
    if (user.role === "ADMIN") {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", id: { not: user.id } } });
      if (otherAdmins === 0)
        throw new StaffRoleRefusedError(`${user.email} is the last admin. Make someone else an admin first.`);
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role },
      select: { id: true, email: true, role: true },
    });
    // Now, not at commit: the event id is the invitation email's idempotency key (lib/dal/staff.ts).
    const event = await appendAuditEventNow(tx, {
      actor,
      action: "user.role_changed",
      target: { type: "User", id: user.id },
      context: options.context,
      metadata: { email: user.email, from: user.role, to: role },
    });
    return { user: updated, previousRole, changed: true, auditEventId: event.id };
  });
}
