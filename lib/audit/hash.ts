import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers, in a fixed order. */
export type HashedAuditFields = {
  prevHash: string;
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  requestId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: unknown;
};

export function auditEventHash(event: HashedAuditFields): string {
  const content = [
    event.prevHash,
    event.createdAt.toISOString(),
    event.actorType,
    event.actorId,
    event.actorEmail,
    event.action,
    event.requestId,
    event.targetType,
    event.targetId,
    event.ip,
    event.userAgent,
    canonicalJson(event.metadata),
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
