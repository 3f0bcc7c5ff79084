import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent, appendAuditEvents, audit, verifyAuditChain } from "@/lib/audit";
import { auditEventHash } from "./hash";

const system = { type: "SYSTEM", name: "test" } as const;

describe("audit log", () => {
  it("chains every event to the one before it, even when written concurrently", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit({ actor: system, action: "user.created", metadata: { i, nested: { b: 1, a: [1, 2] } } }),
      ),
    );
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events).toHaveLength(40);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 40 });
  });

  it("commits the event with the change it records, and rolls back with it", async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await appendAuditEvent(tx, { actor: system, action: "user.role_changed" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses updates and deletes", async () => {
    const event = await audit({ actor: system, action: "user.created" });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });

  it("detects an event edited behind the application's back", async () => {
    const first = await audit({ actor: { type: "USER", id: "u1", email: "a@example.com" }, action: "auth.signed_in", context: { ip: "10.0.0.1" } });
    await audit({ actor: system, action: "user.created" });
    // Someone with database access disables the guard and rewrites history.
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await db.$executeRaw`UPDATE "AuditEvent" SET ip = '192.0.2.9' WHERE id = ${first.id}`;
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAt: first.id });
  });

  it("the database hashes each event exactly as the verifier does, whatever text it holds", async () => {
    const awkward = ['quote " and backslash \\', "line\nbreak\ttab\u0001", "Zoë, Ørsted, 北京, 🙂", "</script>&amp;", ""];
    await db.$transaction((tx) =>
      appendAuditEvents(
        tx,
        awkward.map((text, i) => ({
          actor: { type: "USER" as const, id: `u-${i}`, email: `${text}@example.com` },
          action: "user.created" as const,
          target: { type: "User", id: text },
          context: { ip: "2001:db8::1", userAgent: `${text} ${"x".repeat(600)}` },
          metadata: { z: text, a: { y: [1, 2.5, null, true], b: text }, n: -0.125 },
        })),
      ),
    );
    const events = (await db.auditEvent.findMany({ orderBy: { id: "desc" }, take: awkward.length })).reverse();
    expect(events.map((event) => event.targetId)).toEqual(awkward);
    // (The chain as a whole was broken on purpose by the test before; each link is checked here.)
    for (const [i, event] of events.entries()) {
      expect(event.hash).toBe(auditEventHash(event));
      if (i > 0) expect(event.prevHash).toBe(events[i - 1]!.hash);
    }
  });

  it("chains a transaction's events when it commits, after the events committed while it was open", async () => {
    let commitFirst!: () => void;
    const longOpen = new Promise<void>((resolve) => (commitFirst = resolve));
    let recorded!: () => void;
    const hasRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const first = db.$transaction(async (tx) => {
      await appendAuditEvent(tx, { actor: system, action: "user.created", metadata: { order: "recorded first, committed last" } });
      recorded();
      await longOpen;
    });
    await hasRecorded;
    // Nothing waits for the open transaction: it holds no lock until it commits.
    const second = await audit({ actor: system, action: "user.created", metadata: { order: "recorded second, committed first" } });
    commitFirst();
    await first;
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last.metadata).toEqual({ order: "recorded first, committed last" });
    expect(last.prevHash).toBe(second.hash);
    expect(last.hash).toBe(auditEventHash(last));
    expect(await db.$queryRaw`SELECT count(*)::int AS n FROM "AuditEventPending"`).toEqual([{ n: 0 }]);
  });
});
