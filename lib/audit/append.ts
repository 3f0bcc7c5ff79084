import { db, type Tx } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";
import { auditEventHash, GENESIS_HASH } from "./hash";

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

// Appends serialise on this lock so that each event sees the true previous hash. It is a
// transaction lock: it is released when the caller's transaction commits or rolls back.
const AUDIT_CHAIN_LOCK = 41_720_931;

/**
 * Appends one event to the hash-chained audit log. Pass the transaction that makes the change
 * being audited, so the change and its record commit together or not at all.
 */
export async function appendAuditEvent(client: Tx, input: AuditEventInput): Promise<AuditEvent> {
  await client.$queryRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)::text`;
  const previous = await client.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields = {
    prevHash: previous?.hash ?? GENESIS_HASH,
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
  return client.auditEvent.create({
    data: { ...fields, metadata: fields.metadata as object, hash: auditEventHash(fields) },
  });
}

/** For callers outside any transaction of their own. */
export function audit(input: AuditEventInput): Promise<AuditEvent> {
  // Generous waits: under a burst, appends queue on the chain lock and on the connection pool.
  return db.$transaction((tx) => appendAuditEvent(tx, input), { maxWait: 15_000, timeout: 15_000 });
}
