import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { auditCheckpointCron } from "@/inngest/functions/audit-checkpoint";
import { inngest } from "@/lib/events/client";
import { db } from "@/lib/db";
import { fireCronTicks } from "@/lib/jobs/cron";
import { drainJobs } from "@/lib/jobs/worker";
import { describeJobs } from "@/lib/jobs/functions";
import { getBlobStore } from "@/lib/storage";
import { audit, verifyAuditChain, verifyAuditTrail } from "./index";
import { CHECKPOINT_PREFIX, checkpointKey, writeAuditCheckpoint } from "./checkpoint";
import { auditEventHash, GENESIS_HASH } from "./hash";
import { reloadEnv } from "@/lib/env";

// An insider with database rights rewrites the audit log, hashes and all. The chain alone cannot
// tell; the signed checkpoints in the archive store can.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-checkpoints-"));
// getBlobStore reads DATA_DIR through env(): re-read it now that it is set.
reloadEnv();
const system = { type: "SYSTEM", name: "test" } as const;
const store = () => getBlobStore();

async function appendEvents(count: number) {
  const events = [];
  for (let i = 0; i < count; i++)
    events.push(
      await audit({
        actor: { type: "USER", id: `u${i}`, email: "a@example.com" },
        action: "auth.signed_in",
        context: { ip: "198.51.100.1" },
        metadata: { i },
      }),
    );
  return events;
}

/** What an attacker with database rights does: trigger off, change one event, re-hash every later one. */
async function rewriteChainFrom(eventId: bigint, change: { ip: string }) {
  await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
  try {
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    let prevHash = events.filter((e) => e.id < eventId).at(-1)?.hash ?? GENESIS_HASH;
    for (const event of events.filter((e) => e.id >= eventId)) {
      const rewritten = { ...event, prevHash, ...(event.id === eventId ? change : {}) };
      const hash = auditEventHash(rewritten);
      await db.$executeRaw`UPDATE "AuditEvent" SET ip = ${rewritten.ip}, "prevHash" = ${prevHash}, hash = ${hash} WHERE id = ${event.id}`;
      prevHash = hash;
    }
  } finally {
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
  }
}

beforeEach(async () => {
  const keys: string[] = [];
  for await (const blob of store().list(CHECKPOINT_PREFIX)) keys.push(blob.key);
  await store().delete(keys);
  await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
  await db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`);
  await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
});

describe("audit checkpoints", () => {
  it("the scheduled workflow signs the chain's head into the archive store, and verification checks against it", async () => {
    await appendEvents(3);
    const catalog = describeJobs([auditCheckpointCron], inngest.id);
    expect(await fireCronTicks(db, catalog, new Date())).toBe(1);
    await drainJobs({ db, client: inngest, functions: [auditCheckpointCron] });
    const written: string[] = [];
    for await (const blob of store().list(CHECKPOINT_PREFIX)) written.push(blob.key);
    expect(written).toHaveLength(1);
    expect(await verifyAuditTrail(db, store())).toEqual({ ok: true, checked: 3, checkpoints: 1 });
  });

  it("catches a chain rewritten with the trigger disabled, naming the last event the checkpoints still vouch for", async () => {
    const early = await appendEvents(3);
    const first = await writeAuditCheckpoint(db, store());
    const later = await appendEvents(4);
    const second = await writeAuditCheckpoint(db, store());
    await appendEvents(2);

    await rewriteChainFrom(later[1]!.id, { ip: "203.0.113.99" });

    // The chain on its own is consistent again: this is the attack the checkpoints exist for.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const report = await verifyAuditTrail(db, store());
    expect(report).toMatchObject({
      ok: false,
      agreedThrough: early[2]!.id,
      brokenAt: BigInt(second!.headEventId),
      checkpoints: 2,
    });
    expect(first!.headEventId).toBe(early[2]!.id.toString());
    expect(report.ok === false && report.reason).toContain(`changed after event ${early[2]!.id}`);
  });

  it("catches events deleted from the end of the log", async () => {
    await appendEvents(4);
    await writeAuditCheckpoint(db, store());
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = (SELECT max(id) FROM "AuditEvent")`);
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(await verifyAuditTrail(db, store())).toMatchObject({ ok: false });
  });

  it("refuses a checkpoint not signed with the portal's key", async () => {
    await audit({ actor: system, action: "user.created" });
    await writeAuditCheckpoint(db, store(), "someone-else's-key-0123456789abcdef0123");
    const report = await verifyAuditTrail(db, store(), checkpointKey());
    expect(report).toMatchObject({ ok: false });
    expect(report.ok === false && report.reason).toMatch(/not signed with the portal's key/);
  });
});
