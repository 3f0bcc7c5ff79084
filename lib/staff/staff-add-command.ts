import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { staffAddCommandSchema } from "@/lib/schemas/staff";
import { changeStaffRole } from "./change-role";

export const STAFF_ADD_USAGE = "Usage: npm run staff:add -- <email> --role admin|reviewer";

export class StaffAddUsageError extends Error {
  override name = "StaffAddUsageError";
}

/**
 * `npm run staff:add -- <email> --role admin|reviewer`: the first admin of a production portal
 * (which never invents accounts) and any later fix-up from a shell. Same rules and the same
 * `user.role_changed` audit event as the staff page; the actor is recorded as the shell user.
 */
export async function staffAddCommand(argv: string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { role: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new StaffAddUsageError(`${(error as Error).message}\n${STAFF_ADD_USAGE}`);
  }
  if (parsed.positionals.length !== 1)
    throw new StaffAddUsageError(`Give exactly one email address.\n${STAFF_ADD_USAGE}`);
  const input = staffAddCommandSchema.safeParse({ email: parsed.positionals[0], role: parsed.values.role });
  if (!input.success) throw new StaffAddUsageError(`${z.prettifyError(input.error)}\n${STAFF_ADD_USAGE}`);
  const { email, role } = input.data;
  const change = await changeStaffRole({ type: "SYSTEM", name: `cli:${os.userInfo().username}` }, { email }, role, {
    createIfMissing: true,
  });
  const label = role.toLowerCase();
  if (!change.changed)
    return `${change.user.email} is already ${label === "admin" ? "an admin" : "a reviewer"}; nothing changed.`;
  const was = change.previousRole === null ? "a new account" : change.previousRole.toLowerCase();
  return (
    `${change.user.email} is now ${label === "admin" ? "an admin" : "a reviewer"} (was ${was}). ` +
    "They sign in at /sign-in with that address. Recorded in the audit log."
  );
}
