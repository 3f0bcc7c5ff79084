import { createHmac, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { ConfigError, env } from "@/lib/env";
import type { BlobStore } from "@/lib/storage/blob-store";
import { canonicalJson } from "./hash";

// The hash chain shows an event edited in place, but someone with database rights can disable
// the append-only trigger and rewrite every hash after the one they changed. A checkpoint
// anchors the chain outside the database: the head's hash and the number of events, signed
// with a key the database never holds, written to the archive store. A rewritten chain no
// longer matches the checkpoints written before the rewrite (lib/audit/verify.ts).

export const CHECKPOINT_PREFIX = "audit-checkpoints/";

export type AuditCheckpoint = {
  /** The newest event covered: every event up to and including it. */
  headEventId: string;
  headHash: string;
  eventCount: number;
  createdAt: string;
};

export type SignedAuditCheckpoint = AuditCheckpoint & { signature: string };

/** AUDIT_CHECKPOINT_KEY, or AUTH_SECRET when no dedicated key is set. */
export function checkpointKey(): string {
  const config = env();
  const key = config.AUDIT_CHECKPOINT_KEY ?? config.AUTH_SECRET;
  if (!key) throw new ConfigError("Audit checkpoints need AUDIT_CHECKPOINT_KEY or AUTH_SECRET to sign them.");
  return key;
}

function sign(checkpoint: AuditCheckpoint, key: string): string {
  const { headEventId, headHash, eventCount, createdAt } = checkpoint;
  return createHmac("sha256", key)
    .update(canonicalJson({ headEventId, headHash, eventCount, createdAt }))
    .digest("hex");
}

export function isAuthentic(checkpoint: SignedAuditCheckpoint, key: string): boolean {
  const expected = Buffer.from(sign(checkpoint, key), "hex");
  const given = Buffer.from(typeof checkpoint.signature === "string" ? checkpoint.signature : "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Signs the chain's current head and stores it; null while the chain is empty. */
export async function writeAuditCheckpoint(
  client: PrismaClient,
  store: BlobStore,
  key = checkpointKey(),
  now = new Date(),
): Promise<SignedAuditCheckpoint | null> {
  // One statement, one snapshot: the head and the count agree even while events are appended.
  const [head] = await client.$queryRaw<{ id: bigint; hash: string; count: bigint }[]>`
    SELECT id, hash, (SELECT count(*) FROM "AuditEvent" e WHERE e.id <= h.id) AS count
    FROM "AuditEvent" h ORDER BY id DESC LIMIT 1`;
  if (!head) return null;
  const checkpoint: AuditCheckpoint = {
    headEventId: head.id.toString(),
    headHash: head.hash,
    eventCount: Number(head.count),
    createdAt: now.toISOString(),
  };
  const signed = { ...checkpoint, signature: sign(checkpoint, key) };
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  await store.put(`${CHECKPOINT_PREFIX}${stamp}-${checkpoint.headEventId}.json`, JSON.stringify(signed, null, 2), {
    contentType: "application/json",
  });
  return signed;
}

/** Every checkpoint in the store, oldest head first; `authentic` is false for a forged or altered one. */
export async function readAuditCheckpoints(
  store: BlobStore,
  key = checkpointKey(),
): Promise<{ key: string; checkpoint: SignedAuditCheckpoint; authentic: boolean }[]> {
  const found: { key: string; checkpoint: SignedAuditCheckpoint; authentic: boolean }[] = [];
  for await (const blob of store.list(CHECKPOINT_PREFIX)) {
    const checkpoint = await readCheckpoint(store, blob.key);
    if (checkpoint) found.push({ key: blob.key, checkpoint, authentic: isAuthentic(checkpoint, key) });
  }
  return found.sort((a, b) => compareIds(a.checkpoint.headEventId, b.checkpoint.headEventId));
}

/**
 * When the newest checkpoint was signed, or null when there is none, it fails its signature, or
 * no key is configured to check it. Keys start with the signing time (writeAuditCheckpoint), so
 * the newest is the greatest key and only that one is read.
 */
export async function latestAuditCheckpoint(store: BlobStore): Promise<Date | null> {
  let newest: string | undefined;
  for await (const blob of store.list(CHECKPOINT_PREFIX)) if (!newest || blob.key > newest) newest = blob.key;
  const checkpoint = newest ? await readCheckpoint(store, newest) : null;
  let key: string;
  try {
    key = checkpointKey();
  } catch {
    return null;
  }
  return checkpoint && isAuthentic(checkpoint, key) ? new Date(checkpoint.createdAt) : null;
}

async function readCheckpoint(store: BlobStore, key: string): Promise<SignedAuditCheckpoint | null> {
  const object = await store.get(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.stream) chunks.push(Buffer.from(chunk as Buffer));
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as SignedAuditCheckpoint;
  } catch {
    return { headEventId: "0", headHash: "", eventCount: 0, createdAt: "", signature: "" };
  }
}

function compareIds(a: string, b: string): number {
  const [x, y] = [safeBigInt(a), safeBigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function safeBigInt(value: string): bigint {
  return /^\d{1,19}$/.test(value) ? BigInt(value) : -1n;
}
