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
  // The same text as JSON.stringify([prevHash, createdAt, …, metadata]).
  return createHash("sha256")
    .update(`[${JSON.stringify(event.prevHash)},${auditChainText(event)}`)
    .digest("hex");
}

/**
 * What the hash covers after prevHash: the text of the JSON array [prevHash, createdAt, actor…,
 * metadata] after its first element. prevHash is 64 hex digits (JSON writes them as they are), so
 * the database can hash `["<prevHash>",` + this text when it appends (lib/audit/append.ts).
 */
export function auditChainText(event: Omit<HashedAuditFields, "prevHash">): string {
  const content = [
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
  return JSON.stringify(content).slice(1);
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
