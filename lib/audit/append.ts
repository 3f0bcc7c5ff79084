import { db, type Tx } from "@/lib/db";
import { Prisma, type AuditEvent } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";
import { auditChainText } from "./hash";

export type AuditActor = { type: "USER"; id: string; email?: string | null } | { type: "SYSTEM"; name: string };

export type AuditContext = { ip?: string | null; userAgent?: string | null };

export type AuditEventInput = {
  actor: AuditActor;
  action: AuditAction;
  requestId?: string | null;
  target?: { type: string; id: string };
  context?: AuditContext;
  metadata?: Record<string, unknown>;
};

// The chain: each event's hash covers the previous event's hash, and ids follow the chain. Every
// append takes the chain's lock (a transaction lock) to read the true previous hash, and keeps it
// until its transaction ends. That lock is only ever taken inside the database
// (prisma/migrations/20261123160000_audit_append): an event recorded in a transaction is chained
// as that transaction commits, so no audited change waits for another one's round trips.

/**
 * Records an event of the change `tx` makes: written in the same transaction, so the change and
 * its record commit together or not at all, and chained into the log as the transaction commits
 * (after every event committed before it).
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<void> {
  await appendAuditEvents(tx, [input]);
}

/** Several events of one change, chained in this order when `tx` commits. */
export async function appendAuditEvents(tx: Tx, inputs: AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`${insertPending(inputs, Prisma.empty)}`;
}

/**
 * INSERT of `inputs` into "AuditEventPending", in their order, for the rows `when` lets through
 * (a WHERE clause, or empty).
 */
function insertPending(inputs: AuditEventInput[], when: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditEventPending" (event)
    SELECT e.value
      FROM jsonb_array_elements(${JSON.stringify(inputs.map(chainable))}::jsonb) WITH ORDINALITY AS e(value, n)
     ${when}
     ORDER BY e.n`;
}

/**
 * A change of one statement (an UPDATE, without RETURNING) and its events, in one statement:
 * the events are recorded when the change touched a row, and chained as it commits. For a change
 * made many times per export, where a transaction's four round trips would cost more than the
 * change (lib/requests/collect-source.ts). Answers whether the change touched a row.
 */
export async function auditedChange(change: Prisma.Sql, inputs: AuditEventInput[]): Promise<boolean> {
  const [row] = await db.$queryRaw<{ changed: boolean }[]>`
    WITH change AS (${change} RETURNING 1),
         recorded AS (${insertPending(inputs, Prisma.sql`WHERE EXISTS (SELECT 1 FROM change)`)})
    SELECT EXISTS (SELECT 1 FROM change) AS changed`;
  return row?.changed ?? false;
}

/**
 * Appends an event now and returns it as stored (its id and hash), for a caller that needs them
 * before committing. From here until `tx` ends it holds the chain's lock, which every other
 * audited change waits for: keep it for rare changes, and do not mix it with appendAuditEvent in
 * one transaction (its event would be chained before theirs).
 */
export async function appendAuditEventNow(tx: Tx, input: AuditEventInput): Promise<AuditEvent> {
  const [event] = await tx.$queryRaw<
    AuditEvent[]
  >`SELECT * FROM audit_event_append(${JSON.stringify([chainable(input)])}::jsonb)`;
  return event!;
}

/** For callers outside any transaction of their own: one statement, committed at once. */
export async function audit(input: AuditEventInput): Promise<AuditEvent> {
  const [event] = await db.$queryRaw<
    AuditEvent[]
  >`SELECT * FROM audit_event_append(${JSON.stringify([chainable(input)])}::jsonb)`;
  return event!;
}

/** An event as the database function audit_event_append takes it: its columns and the text its hash covers. */
function chainable(input: AuditEventInput) {
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
}
