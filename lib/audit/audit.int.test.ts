import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent, appendAuditEvents, audit, auditedChange, verifyAuditChain } from "@/lib/audit";
import { Prisma } from "@/lib/generated/prisma/client";
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

  it("records a one-statement change's events only when it changed a row, and never without the change", async () => {
    const user = await db.user.create({ data: { email: `audited-${Date.now()}@example.com` } });
    const before = await db.auditEvent.count();
    const rename = (id: string, name: string) => Prisma.sql`UPDATE "User" SET name = ${name} WHERE id = ${id}`;
    const event = { actor: system, action: "user.role_changed" as const, target: { type: "User", id: user.id } };

    expect(await auditedChange(rename(user.id, "Renamed"), [event, { ...event, metadata: { second: true } }])).toBe(
      true,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Renamed");
    expect(await auditedChange(rename("no-such-user", "Nobody"), [event])).toBe(false);
    // A change that fails records nothing either: email is unique.
    const other = await db.user.create({ data: { email: `audited-other-${Date.now()}@example.com` } });
    await expect(
      auditedChange(Prisma.sql`UPDATE "User" SET email = ${user.email} WHERE id = ${other.id}`, [event]),
    ).rejects.toThrow();

    const recorded = await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" } });
    expect(recorded.map((row) => row.metadata)).toEqual([{}, { second: true }]);
    expect(await db.auditEvent.count()).toBe(before + 2);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses updates and deletes", async () => {
    const event = await audit({ actor: system, action: "user.created" });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "x" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });

  it("detects an event edited behind the application's back", async () => {
    const first = await audit({
      actor: { type: "USER", id: "u1", email: "a@example.com" },
      action: "auth.signed_in",
      context: { ip: "10.0.0.1" },
    });
    await audit({ actor: system, action: "user.created" });
    // Someone with database access disables the guard and rewrites history.
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await db.$executeRaw`UPDATE "AuditEvent" SET ip = '192.0.2.9' WHERE id = ${first.id}`;
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAt: first.id });
  });

  it("the database hashes each event exactly as the verifier does, whatever text it holds", async () => {
    const awkward = [
      'quote " and backslash \\',
      "line\nbreak\ttab\u0001",
      "Zoë, Ørsted, 北京, 🙂",
      "</script>&amp;",
      "",
    ];
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
      await appendAuditEvent(tx, {
        actor: system,
        action: "user.created",
        metadata: { order: "recorded first, committed last" },
      });
      recorded();
      await longOpen;
    });
    await hasRecorded;
    // Nothing waits for the open transaction: it holds no lock until it commits.
    const second = await audit({
      actor: system,
      action: "user.created",
      metadata: { order: "recorded second, committed first" },
    });
    commitFirst();
    await first;
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last.metadata).toEqual({ order: "recorded first, committed last" });
    expect(last.prevHash).toBe(second.hash);
    expect(last.hash).toBe(auditEventHash(last));
    expect(await db.$queryRaw`SELECT count(*)::int AS n FROM "AuditEventPending"`).toEqual([{ n: 0 }]);
  });
});
