import { db, type PrismaClient, type Tx } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";
import { auditChainText } from "./hash";

export type AuditActor =
  | { type: "USER"; id: string; email?: string | null }
  | { type: "SYSTEM"; name: string };

export type AuditContext = { ip?: string | null; userAgent?: string | null };

export type AuditEventInput = {
  actor: AuditActor;
  action: AuditAction;
  requestId?: string | null;
  target?: { type: string; id: string };
  context?: AuditContext;
  metadata?: Record<string, unknown>;
};

/**
 * Appends one event to the hash-chained audit log. Pass the transaction that makes the change
 * being audited, so the change and its record commit together or not at all.
 */
export async function appendAuditEvent(client: Tx, input: AuditEventInput): Promise<AuditEvent> {
  const [event] = await appendAuditEvents(client, [input]);
  return event!;
}

/**
 * Appends events in order, in one statement (the database function audit_event_append, which
 * chains them; prisma/migrations/20261123160000_audit_append). Appends serialise on the chain's
 * lock, which is held until the caller's transaction ends, so that each event sees the true
 * previous hash: make this the transaction's last statement, and every other change in the
 * portal waits for one round trip to the database less.
 */
export async function appendAuditEvents(client: Tx | PrismaClient, inputs: AuditEventInput[]): Promise<AuditEvent[]> {
  if (inputs.length === 0) return [];
  const events = inputs.map((input) => {
    const fields = {
      createdAt: new Date(),
      actorType: input.actor.type,
      actorId: input.actor.type === "USER" ? input.actor.id : null,
      actorEmail: input.actor.type === "USER" ? (input.actor.email ?? null) : input.actor.name,
      action: input.action,
      requestId: input.requestId ?? null,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      ip: input.context?.ip ?? null,
      userAgent: input.context?.userAgent?.slice(0, 512) ?? null,
      metadata: input.metadata ?? {},
    };
    return { ...fields, createdAt: fields.createdAt.toISOString(), chain: auditChainText(fields) };
  });
  return client.$queryRaw<AuditEvent[]>`SELECT * FROM audit_event_append(${JSON.stringify(events)}::jsonb)`;
}

/** For callers outside any transaction of their own: one statement, its own transaction. */
export async function audit(input: AuditEventInput): Promise<AuditEvent> {
  // Committed by the statement itself, so the chain lock is held only inside the database.
  const [event] = await appendAuditEvents(db, [input]);
  return event!;
}
