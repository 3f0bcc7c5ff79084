import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditAction } from "@/lib/audit";
import { auditEventHash, GENESIS_HASH } from "@/lib/audit/hash";
import { auditCsvStream } from "@/lib/audit/csv";
import { db } from "@/lib/db";
import { parseAuditLogFilter } from "@/lib/schemas/audit-log";
import { createApprovedRequest } from "@/test/factories";
import { AUDIT_EXPORT_BATCH, AUDIT_PAGE_SIZE, exportAuditEvents, listAuditEvents, verifyAuditLog } from "./audit-log";
import type { Viewer } from "./session";

// What a compliance lead relies on when proving to a regulator what happened: the filters find
// exactly the events asked for, the pages never skip or repeat one, the CSV holds every
// filtered event (and nothing else) however many batches it takes, and an edited row is caught.

let reviewer: Viewer;
let first: { id: string; reference: string };
let second: { id: string; reference: string };
const MATCHING = AUDIT_EXPORT_BATCH * 2 + 37; // three batches

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "lead@audit.example", role: "REVIEWER" } });
  reviewer = { id: user.id, email: user.email, name: null, role: "REVIEWER" };
  first = await createApprovedRequest("first@audit.example");
  second = await createApprovedRequest("second@audit.example");
  // Matching events (first request, source.collected) interleaved with near misses, chained
  // exactly as appendAuditEvent chains them but written in bulk (thousands of appends one by one
  // are slow on a busy machine).
  const workflow = {
    actorType: "SYSTEM",
    actorId: null as string | null,
    actorEmail: "workflow",
    targetType: null,
    targetId: null,
    ip: null,
    userAgent: null,
  };
  const planned: { action: AuditAction; requestId: string; metadata: object; actor?: typeof workflow }[] = [];
  for (let i = 0; i < MATCHING; i++) {
    const metadata = { i, note: i % 50 === 0 ? '=HYPERLINK("x")' : "ok" };
    planned.push({ action: "source.collected", requestId: first.id, metadata });
    if (i % 4 === 0) planned.push({ action: "source.failed", requestId: first.id, metadata });
    if (i % 4 === 1) planned.push({ action: "source.collected", requestId: second.id, metadata });
  }
  const lead = { ...workflow, actorType: "USER", actorId: user.id, actorEmail: user.email };
  for (let i = 0; i < 3; i++)
    planned.push({ action: "identity.approved", requestId: second.id, metadata: {}, actor: lead });
  let prevHash =
    (await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } }))?.hash ?? GENESIS_HASH;
  const rows = planned.map(({ actor, ...event }) => {
    const fields = { ...(actor ?? workflow), ...event, prevHash, createdAt: new Date() };
    prevHash = auditEventHash(fields);
    return { ...fields, hash: prevHash };
  });
  await db.auditEvent.createMany({ data: rows });
}, 180_000);

const filterOf = (query: string) => {
  const { filter, problems } = parseAuditLogFilter(new URLSearchParams(query));
  expect(problems).toEqual([]);
  return filter;
};

async function csvRows(query: string): Promise<Record<string, string>[]> {
  const events = await exportAuditEvents(reviewer, filterOf(query), { ip: "203.0.113.5" });
  const text = await new Response(auditCsvStream(events)).text();
  return parse(text, { bom: true, columns: true });
}

describe("the audit CSV", () => {
  it("contains every filtered event and only those, across several batches, oldest first", async () => {
    const rows = await csvRows(`request=${first.reference}&action=source.collected`);
    const expected = await db.auditEvent.findMany({
      where: { requestId: first.id, action: "source.collected" },
      orderBy: { id: "asc" },
      select: { id: true, hash: true },
    });
    expect(expected).toHaveLength(MATCHING);
    expect(rows.map((row) => [row.id, row.hash])).toEqual(expected.map((event) => [event.id.toString(), event.hash]));
    expect(new Set(rows.map((row) => `${row.action} ${row.requestReference}`))).toEqual(
      new Set([`source.collected ${first.reference}`]),
    );
  });

  it("guards cells a spreadsheet would run as a formula", async () => {
    const rows = await csvRows(`request=${first.id}&action=source.failed`);
    expect(rows.some((row) => row.metadata!.includes("HYPERLINK"))).toBe(true);
    for (const row of rows) expect(row.metadata!.startsWith("{")).toBe(true);
  });

  it("records who exported what", async () => {
    await csvRows("actor=lead@audit.example");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "audit.exported" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      actorId: reviewer.id,
      ip: "203.0.113.5",
      metadata: { filter: { actor: "lead@audit.example" } },
    });
  });

  it("is empty for an unknown reference rather than everything", async () => {
    expect(await csvRows("request=DSR-1999-000001")).toEqual([]);
  });
});

describe("the audit log page's query", () => {
  it("pages by id without skipping or repeating an event", async () => {
    const filter = filterOf(`request=${second.reference}`);
    const seen: bigint[] = [];
    let before: bigint | undefined;
    for (;;) {
      const page = await listAuditEvents(reviewer, { ...filter, before });
      expect(page.events.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      seen.push(...page.events.map((event) => event.id));
      if (page.olderThan === null) break;
      before = page.olderThan;
    }
    const expected = await db.auditEvent.findMany({
      where: { requestId: second.id },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(AUDIT_PAGE_SIZE * 2);
    expect(seen).toEqual(expected.map((event) => event.id));
  });

  it("filters by actor email, action and date range", async () => {
    const byActor = await listAuditEvents(reviewer, filterOf("actor=LEAD@audit.example"));
    expect(byActor.events.every((event) => event.actorId === reviewer.id)).toBe(true);
    expect(byActor.events.filter((event) => event.action === "identity.approved")).toHaveLength(3);
    const bySystemActor = await listAuditEvents(reviewer, filterOf("actor=workflow&action=source.failed"));
    expect(
      bySystemActor.events.every((event) => event.actorEmail === "workflow" && event.action === "source.failed"),
    ).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await listAuditEvents(reviewer, filterOf(`from=${today}&to=${today}&action=identity.approved`))).events,
    ).toHaveLength(3);
    expect((await listAuditEvents(reviewer, filterOf("to=2020-01-01"))).events).toEqual([]);
  });

  it("drops bad filter values with a message instead of failing", () => {
    const { filter, problems } = parseAuditLogFilter({
      from: "31/12/2026",
      action: "user.deleted_everything",
      request: "'; DROP TABLE",
      before: "abc",
      actor: "x".repeat(300),
    });
    expect(filter).toEqual({});
    expect(problems).toHaveLength(5);
    expect(parseAuditLogFilter({ from: "2026-02-01", to: "2026-01-01" }).problems).toEqual([
      "From is after To; the date range was ignored.",
    ]);
  });

  it("is for staff only", async () => {
    const customer: Viewer = { ...reviewer, role: "CUSTOMER" };
    await expect(listAuditEvents(customer, {})).rejects.toThrow(/staff/);
    await expect(exportAuditEvents(customer, {}, {})).rejects.toThrow(/staff/);
    await expect(verifyAuditLog(customer)).rejects.toThrow(/staff/);
  });
});

describe("Verify chain", () => {
  it("reports an intact chain with its length, then names the first edited event", async () => {
    const total = await db.auditEvent.count();
    expect(await verifyAuditLog(reviewer)).toMatchObject({ ok: true, checked: total });
    const victim = await db.auditEvent.findFirstOrThrow({
      where: { requestId: second.id, action: "identity.approved" },
    });
    // Someone with database access disables the append-only guard and rewrites history.
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await db.$executeRaw`UPDATE "AuditEvent" SET metadata = '{"decision":"forged"}' WHERE id = ${victim.id}`;
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    expect(await verifyAuditLog(reviewer)).toMatchObject({ ok: false, brokenAt: victim.id });
  });
});
