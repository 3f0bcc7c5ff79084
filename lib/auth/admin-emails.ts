import { appendAuditEvent } from "@/lib/audit";
import type { PrismaClient } from "@/lib/db";

// ADMIN_EMAILS (lib/env.ts): how a production portal gets its first admin without demo accounts.
// Applied by the launcher at every start; each grant is one audited transaction. It only adds the
// role: removing an address from the list demotes nobody (the staff console does that).

const ACTOR = { type: "SYSTEM", name: "ADMIN_EMAILS" } as const;

/** Makes every address an ADMIN, creating the account when needed; returns the addresses changed. */
export async function grantAdminEmails(client: PrismaClient, emails: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const email of new Set(emails.map((e) => e.trim().toLowerCase()))) {
    const granted = await client.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email } });
      if (existing?.role === "ADMIN") return false;
      if (existing) {
        await tx.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
        await appendAuditEvent(tx, {
          actor: ACTOR,
          action: "user.role_changed",
          target: { type: "User", id: existing.id },
          metadata: { email, from: existing.role, to: "ADMIN" },
        });
      } else {
        const user = await tx.user.create({ data: { email, role: "ADMIN" } });
        await appendAuditEvent(tx, {
          actor: ACTOR,
          action: "user.created",
          target: { type: "User", id: user.id },
          metadata: { email, role: "ADMIN" },
        });
      }
      return true;
    });
    if (granted) changed.push(email);
  }
  return changed;
}
