"use server";

import { revalidatePath } from "next/cache";
import { inviteReviewer, removeStaffMember, setStaffRole } from "@/lib/dal/staff";
import { staffInvitationSchema, staffRemovalSchema, staffRoleChangeSchema } from "@/lib/schemas/staff";
import { StaffRoleRefusedError } from "@/lib/staff/change-role";
import { action, ActionRefusedError } from "./procedure";

// The staff page's forms. ADMIN only: anyone else gets the "does not exist" answer.

async function refusalsAsMessages<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StaffRoleRefusedError) throw new ActionRefusedError(error.message);
    throw error;
  }
}

export const inviteReviewerAction = action(
  { who: "admin", input: staffInvitationSchema },
  async ({ email }, { viewer, context }) => {
    const invited = await refusalsAsMessages(() => inviteReviewer(viewer, email, context));
    revalidatePath("/admin/staff");
    const message = invited.emailSent
      ? `${invited.email} is now a reviewer. We emailed them a link to sign in.`
      : `${invited.email} is now a reviewer, but the invitation email could not be sent. ` +
        "Ask them to sign in at /sign-in.";
    return { ok: true, data: message };
  },
);

export const changeStaffRoleAction = action(
  { who: "admin", input: staffRoleChangeSchema },
  async ({ userId, role }, { viewer, context }) => {
    const change = await refusalsAsMessages(() => setStaffRole(viewer, userId, role, context));
    revalidatePath("/admin/staff");
    return {
      ok: true,
      data: change.changed
        ? `${change.user.email} is now ${role === "ADMIN" ? "an admin" : "a reviewer"}.`
        : `${change.user.email} already had that role.`,
    };
  },
);

export const removeStaffMemberAction = action(
  { who: "admin", input: staffRemovalSchema },
  async ({ userId }, { viewer, context }) => {
    const change = await refusalsAsMessages(() => removeStaffMember(viewer, userId, context));
    revalidatePath("/admin/staff");
    return { ok: true, data: `${change.user.email} is no longer a member of staff.` };
  },
);
