import { appendAuditEvent, type AuditActor, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MandateRelationship } from "@/lib/generated/prisma/enums";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { DOWNLOADABLE, OPEN, statusesIn } from "@/lib/requests/lifecycle";
import { verifyObjectionToken } from "./objection-token";

// The data subject's answer to "someone asked for your data": an objection, made through the
// signed link in the email (why no sign-in: lib/mandates/objection-token.ts). It is recorded and
// audited once; staff see it on the request and in the queue, may no longer approve, and refuse
// the request with a notice to the agent (lib/requests/decide-identity.ts).

/** The data subject, as the audit log names them: they have no account with us. */
export const DATA_SUBJECT_ACTOR: AuditActor = { type: "SYSTEM", name: "data-subject-objection-link" };

export type ObjectionView =
  | { kind: "invalid" }
  | { kind: "expired" }
  | {
      kind: "open" | "objected" | "closed";
      mandateId: string;
      reference: string;
      submittedAt: Date;
      agentEmail: string;
      relationship: MandateRelationship;
      objectedAt: Date | null;
    };

// While the request is open, and while its archive waits for the agent: an objection then
// withholds the download (lib/dal/downloads.ts) until staff have looked at it.
const OBJECTABLE: RequestStatus[] = [...statusesIn(OPEN), ...statusesIn(DOWNLOADABLE)];
const objectable = (status: RequestStatus) => OBJECTABLE.includes(status);

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is needed to check objection links.");
  return value;
}

/** What the objection page shows for a token: who asked, and whether an objection is still possible. */
export async function readObjection(token: string, now: Date = new Date()): Promise<ObjectionView> {
  const check = verifyObjectionToken(token, secret(), now);
  if (!check.ok) return { kind: check.reason === "expired" ? "expired" : "invalid" };
  const mandate = await db.requestMandate.findUnique({
    where: { id: check.grant.mandateId },
    select: {
      id: true,
      relationship: true,
      objectedAt: true,
      agent: { select: { email: true } },
      request: { select: { reference: true, submittedAt: true, status: true } },
    },
  });
  if (!mandate) return { kind: "invalid" };
  const kind = mandate.objectedAt ? "objected" : objectable(mandate.request.status) ? "open" : "closed";
  return {
    kind,
    mandateId: mandate.id,
    reference: mandate.request.reference,
    submittedAt: mandate.request.submittedAt,
    agentEmail: mandate.agent.email,
    relationship: mandate.relationship,
    objectedAt: mandate.objectedAt,
  };
}

/** Records the objection (once; a second click changes nothing) while the request is open. */
export async function objectToRequest(
  token: string,
  context: AuditContext = {},
  now: Date = new Date(),
): Promise<ObjectionView> {
  const view = await readObjection(token, now);
  if (view.kind !== "open") return view;
  const recorded = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ requestId: string }[]>`
      UPDATE "RequestMandate" AS m SET "objectedAt" = ${now}
        FROM "PrivacyRequest" AS r
       WHERE m.id = ${view.mandateId} AND m."objectedAt" IS NULL AND r.id = m."requestId"
         AND r.status = ANY(${OBJECTABLE}::"RequestStatus"[])
      RETURNING m."requestId"`;
    if (!row) return false;
    await appendAuditEvent(tx, {
      actor: DATA_SUBJECT_ACTOR,
      action: "mandate.objected",
      requestId: row.requestId,
      target: { type: "RequestMandate", id: view.mandateId },
      context,
      metadata: { via: "signed link emailed to the data subject" },
    });
    return true;
  });
  return recorded ? { ...view, kind: "objected", objectedAt: now } : readObjection(token, now);
}
