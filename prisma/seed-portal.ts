import { appendAuditEvent } from "@/lib/audit";
import type { PrismaClient } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

/** Demo portal accounts (customers and staff). Idempotent: existing accounts keep their data. */
export async function seedPortalAccounts(client: PrismaClient): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await client.user.findUnique({ where: { email: account.email } });
    if (existing) continue;
    await client.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: account.email, name: account.name, role: account.role } });
      await appendAuditEvent(tx, {
        actor: { type: "SYSTEM", name: "seed" },
        action: "user.created",
        target: { type: "User", id: user.id },
        metadata: { email: user.email, role: user.role },
      });
    });
  }
}
