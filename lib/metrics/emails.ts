import { Counter } from "prom-client";
import type { AuditAction } from "@/lib/audit/actions";
import { db } from "@/lib/db";

// Emails. Sent: every email about a request or a staff account is audited as `email.sent` once
// the provider accepted it (lib/requests/notify-*.ts, lib/dal/staff.ts), so the audit log counts
// them for every process alike; sign-in links are audited as `auth.sign_in_link_requested`
// instead and are not in this count. Failed: a refused send throws in whichever process sent it
// (the worker for workflow emails, a web process for sign-in links) and is counted in that
// process's memory; the web process's /api/metrics shows its own, and the worker's failures show
// as retrying jobs (portal_jobs{state="retrying"}) and failed sources or requests.

const SENT: AuditAction = "email.sent";

export const emailsSent = new Counter({
  name: "portal_emails_sent_total",
  help: "Emails the provider accepted, by template (from the audit log; sign-in links not included).",
  labelNames: ["template"],
  registers: [],
  async collect() {
    const rows = await db.$queryRaw<{ template: string | null; count: number }[]>`
      SELECT metadata->>'template' AS template, count(*)::int AS count
      FROM "AuditEvent" WHERE action = ${SENT} GROUP BY 1`;
    this.reset();
    for (const row of rows) this.inc({ template: row.template ?? "unknown" }, row.count);
  },
});

type Store = { portalEmailFailures?: Counter };

/** Sends this process could not hand to the provider (or the outbox table). */
export function emailFailures(): Counter {
  const store = globalThis as Store;
  store.portalEmailFailures ??= new Counter({
    name: "portal_email_send_failures_total",
    help: "Emails this process failed to hand to the provider (this process only; see docs/operations.md).",
    registers: [],
  });
  return store.portalEmailFailures;
}
