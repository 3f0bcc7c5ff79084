import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent, audit, verifyAuditChain } from "@/lib/audit";

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
});
