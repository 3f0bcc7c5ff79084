import "server-only";
import { audit, verifyAuditChain, verifyAuditTrail, type AuditChainReport, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getBlobStore } from "@/lib/storage";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditLogFilterParams, type AuditLogFilter } from "@/lib/schemas/audit-log";
import { isStaff } from "@/lib/auth/roles";
import type { Viewer } from "./session";

// The audit log as staff read it: filtered, paged by id (keyset, newest first) so a page costs
// the same on the millionth event as on the first, and exported in bounded batches. Reading it
// is for staff only; every function checks the viewer itself.

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_BATCH = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

const eventFields = {
  id: true,
  createdAt: true,
  actorType: true,
  actorId: true,
  actorEmail: true,
  action: true,
  requestId: true,
  targetType: true,
  targetId: true,
  ip: true,
  userAgent: true,
  metadata: true,
  prevHash: true,
  hash: true,
  request: { select: { reference: true } },
} as const;

export type AuditLogEvent = Prisma.AuditEventGetPayload<{ select: typeof eventFields }>;

function assertStaff(viewer: Viewer, what: string) {
  if (!isStaff(viewer)) throw new Error(`${what} needs a staff viewer`);
}

/** The filter as a Prisma condition; null when it can match nothing (an unknown reference). */
async function conditionFor(filter: AuditLogFilter): Promise<Prisma.AuditEventWhereInput | null> {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filter.request) {
    if (UUID.test(filter.request)) where.push({ requestId: filter.request.toLowerCase() });
    else {
      const request = await db.privacyRequest.findUnique({
        where: { reference: filter.request.toUpperCase() },
        select: { id: true },
      });
      if (!request) return null;
      where.push({ requestId: request.id });
    }
  }
  if (filter.actor) {
    // A person is found by account email (or id) and matched on actorId, which is indexed; a
    // system actor ("auth", "seed", "cli") is stored by name in actorEmail.
    const user = await db.user.findFirst({
      where: { OR: [{ email: filter.actor.toLowerCase() }, { id: filter.actor }] },
      select: { id: true },
    });
    where.push(user ? { actorId: user.id } : { actorEmail: filter.actor });
  }
  if (filter.action) where.push({ action: filter.action });
  if (filter.from) where.push({ createdAt: { gte: new Date(`${filter.from}T00:00:00.000Z`) } });
  if (filter.to) where.push({ createdAt: { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS) } });
  return { AND: where };
}

/** One page of events, newest first, and the cursor of the next (older) page if there is one. */
export async function listAuditEvents(
  viewer: Viewer,
  filter: AuditLogFilter,
): Promise<{ events: AuditLogEvent[]; olderThan: bigint | null }> {
  assertStaff(viewer, "listAuditEvents");
  const condition = await conditionFor(filter);
  if (!condition) return { events: [], olderThan: null };
  const events = await db.auditEvent.findMany({
    where: filter.before === undefined ? condition : { AND: [condition, { id: { lt: filter.before } }] },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: eventFields,
  });
  const more = events.length > AUDIT_PAGE_SIZE;
  const page = more ? events.slice(0, AUDIT_PAGE_SIZE) : events;
  return { events: page, olderThan: more ? page.at(-1)!.id : null };
}

/**
 * Every event the filter matches, oldest first, fetched AUDIT_EXPORT_BATCH at a time by id so an
 * export of the whole log never holds more than one batch. The export itself is audited first.
 */
export async function exportAuditEvents(
  viewer: Viewer,
  filter: AuditLogFilter,
  context: AuditContext,
): Promise<AsyncGenerator<AuditLogEvent>> {
  assertStaff(viewer, "exportAuditEvents");
  const { before: _cursor, ...exported } = filter;
  await audit({
    actor: { type: "USER", id: viewer.id, email: viewer.email },
    action: "audit.exported",
    context,
    metadata: { filter: Object.fromEntries(auditLogFilterParams(exported)) },
  });
  const condition = await conditionFor(exported);
  return (async function* batches() {
    if (!condition) return;
    let after: bigint | undefined;
    for (;;) {
      const batch = await db.auditEvent.findMany({
        where: after === undefined ? condition : { AND: [condition, { id: { gt: after } }] },
        orderBy: { id: "asc" },
        take: AUDIT_EXPORT_BATCH,
        select: eventFields,
      });
      yield* batch;
      if (batch.length < AUDIT_EXPORT_BATCH) return;
      after = batch.at(-1)!.id;
    }
  })();
}

/**
 * Recomputes the whole hash chain (lib/audit/verify.ts) for a member of staff, and checks it
 * against the signed checkpoints in the archive store when there is a key to check them with.
 */
export async function verifyAuditLog(viewer: Viewer): Promise<AuditChainReport> {
  assertStaff(viewer, "verifyAuditLog");
  const config = env();
  return config.AUDIT_CHECKPOINT_KEY || config.AUTH_SECRET
    ? verifyAuditTrail(db, getBlobStore())
    : verifyAuditChain(db);
}
