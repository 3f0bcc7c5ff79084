import { z } from "zod";

// Staff management: the staff page's forms and the `npm run staff:add` command.

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter an email address." }))
  .pipe(z.string().max(254, "That email address is too long."));
const staffUser = z.string().trim().min(1, "Unknown member of staff.").max(64, "Unknown member of staff.");

export const STAFF_ROLES = ["REVIEWER", "ADMIN"] as const;

export const staffInvitationSchema = z.object({ email });

export const staffRoleChangeSchema = z.object({
  userId: staffUser,
  role: z.enum(STAFF_ROLES, { message: "Choose reviewer or admin." }),
});

export const staffRemovalSchema = z.object({ userId: staffUser });

/** `npm run staff:add -- <email> --role admin|reviewer` */
export const staffAddCommandSchema = z.object({
  email,
  role: z
    .enum(["admin", "reviewer"], { message: "--role must be admin or reviewer" })
    .transform((role) => role.toUpperCase() as (typeof STAFF_ROLES)[number]),
});
