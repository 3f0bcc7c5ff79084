import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { inspectArchive } from "@/test/archive-inspection";
import { createApprovedRequest } from "@/test/factories";
import { drainWorkflows, exportApprovedRequest } from "@/test/export-request";
import { cancelRequestByStaff } from "./cancel-by-staff";
import { expireArchives } from "./expire-archives";
import { decideDisclosureFinding, decideRemainingFindings } from "./release-review";

// Art. 15(4) GDPR end to end on the embedded runner: a support ticket naming another customer
// holds the request for a reviewer, whose decisions are audited and whose redactions the
// archive carries; a request without other people's data is never held.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-release-review-"));
reloadEnv();

const MARKER = "[redacted: personal data of another person]";
const MESSAGE = "My flatmate Casey Kim (casey@example.com, +49 30 901820) paid for my plan on 2024-03-05.";

const ORDER_NOTE = "If I am out, my neighbour takes it: +353 87 765 4321.";

let reviewer: { id: string; email: string };

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
  // Jordan's newest ticket names Casey, another StreamPay customer.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(
    `INSERT INTO streampay.ticket_messages (ticket_id, author, body, sent_at)
     SELECT t.id, 'customer', $1, now() FROM streampay.support_tickets t
       JOIN streampay.customers c ON c.id = t.customer_id
      WHERE c.email = 'jordan@example.com' ORDER BY t.id DESC LIMIT 1`,
    [MESSAGE],
  );
  await client.query(
    `UPDATE streampay.orders SET notes = $1 WHERE id = (SELECT min(o.id) FROM streampay.orders o
       JOIN streampay.customers c ON c.id = o.customer_id WHERE c.email = 'jordan@example.com')`,
    [ORDER_NOTE],
  );
  await client.end();
  reviewer = await db.user.create({ data: { email: "riley@example.com", role: "REVIEWER" } });
});

const staffCall = (actor: { id: string; email: string }, requestId: string) => ({ actor, requestId });

describe("review before release (Art. 15(4))", () => {
  it("holds a ticket naming another customer, and releases it redacted once the reviewer has decided", async () => {
    const held = await exportApprovedRequest("jordan@example.com", { sourceKeys: ["profile", "support"] });
    expect(held.status).toBe("RELEASE_REVIEW");
    expect(held.archives).toHaveLength(0);
    const findings = held.disclosureFindings;
    expect(findings.map((f) => [f.kind, f.matched]).sort()).toEqual([
      ["EMAIL", "casey@example.com"],
      ["NAME", "Casey Kim"],
      ["PHONE", "+49 30 901820"],
    ]);
    expect(
      findings.every(
        (f) => f.sourceKey === "support" && f.decision === "PENDING" && /^messages\[\d+\]\.body$/.test(f.path),
      ),
    ).toBe(true);
    expect(
      await db.outboxEmail.count({
        where: { to: "jordan@example.com", subject: { startsWith: "Your data is ready" } },
      }),
    ).toBe(0);

    // Four eyes: the customer's own account, even with a staff role, cannot decide.
    const jordan = await db.user.update({ where: { id: held.userId }, data: { role: "REVIEWER" } });
    const own = await decideDisclosureFinding(staffCall(jordan, held.id), {
      findingId: findings[0]!.id,
      decision: "KEEP",
      reason: "It is mine",
    });
    expect(own).toMatchObject({ kind: "refused", message: expect.stringMatching(/your own request/) });
    await db.user.update({ where: { id: jordan.id }, data: { role: "CUSTOMER" } });

    const byKind = (kind: string) => findings.find((f) => f.kind === kind)!;
    for (const kind of ["EMAIL", "PHONE"]) {
      const outcome = await decideDisclosureFinding(staffCall(reviewer, held.id), {
        findingId: byKind(kind).id,
        decision: "REDACT",
        reason: "Casey's contact details",
      });
      expect(outcome).toEqual({ kind: "done" });
    }
    const again = await decideDisclosureFinding(staffCall(reviewer, held.id), {
      findingId: byKind("EMAIL").id,
      decision: "KEEP",
      reason: "Changed my mind",
    });
    expect(again).toMatchObject({ kind: "refused" });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("RELEASE_REVIEW");

    const last = await decideDisclosureFinding(staffCall(reviewer, held.id), {
      findingId: byKind("NAME").id,
      decision: "KEEP",
      reason: "The customer knows who paid",
    });
    expect(last).toEqual({ kind: "done" });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("PACKAGING");
    await drainWorkflows();

    const ready = await db.privacyRequest.findUniqueOrThrow({ where: { id: held.id }, include: { archives: true } });
    expect(ready.status).toBe("READY");
    const { entries } = await inspectArchive(getBlobStore(), ready.archives[0]!.storageKey, ready.archives[0]!.sha256);
    const json = entries.get("data/support.json")!.toString("utf8");
    const csv = entries.get("data/support.csv")!.toString("utf8");
    for (const file of [json, csv]) {
      expect(file).toContain(`My flatmate Casey Kim (${MARKER}, ${MARKER}) paid`);
      expect(file).not.toContain("casey@example.com");
      expect(file).not.toContain("901820");
    }
    expect(entries.get("README.html")!.toString("utf8")).toMatch(/2 passages were replaced by .*Article 15\(4\) GDPR/);
    expect(
      await db.outboxEmail.count({
        where: { to: "jordan@example.com", subject: { startsWith: "Your data is ready" } },
      }),
    ).toBe(1);

    const actions = (await db.auditEvent.findMany({ where: { requestId: held.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "request.release_review",
        "disclosure.redacted",
        "disclosure.kept",
        "request.released",
        "source.redacted",
        "request.ready",
      ]),
    );
    expect(actions.filter((a) => a.startsWith("disclosure."))).toHaveLength(3);
    const events = await db.auditEvent.findMany({
      where: { requestId: held.id, action: { startsWith: "disclosure." } },
    });
    expect(JSON.stringify(events.map((e) => e.metadata))).not.toContain("casey@example.com");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The other person's data the reviewer saw goes when the archive does.
    await expireArchives(new Date(Date.now() + 365 * 24 * 3600 * 1000));
    const expired = await db.disclosureFinding.findMany({ where: { requestId: held.id } });
    expect(expired.map((f) => [f.matched, f.before, f.after, f.decision !== "PENDING"])).toEqual(
      expired.map(() => ["", "", "", true]),
    );
  });

  it("finds a phone number in an order note, and keeps it when the reviewer decides so", async () => {
    const held = await exportApprovedRequest("jordan@example.com", { sourceKeys: ["orders"], formats: ["JSON"] });
    expect(held.status).toBe("RELEASE_REVIEW");
    expect(
      held.disclosureFindings.map(({ sourceKey, path, kind, matched, recordIndex }) => ({
        sourceKey,
        path,
        kind,
        matched,
        recordIndex,
      })),
    ).toEqual([{ sourceKey: "orders", path: "notes", kind: "PHONE", matched: "+353 87 765 4321", recordIndex: 0 }]);
    expect(
      await decideRemainingFindings(staffCall(reviewer, held.id), {
        decision: "KEEP",
        reason: "The customer's own second number",
      }),
    ).toEqual({ kind: "done" });
    await drainWorkflows();
    const ready = await db.privacyRequest.findUniqueOrThrow({ where: { id: held.id }, include: { archives: true } });
    expect(ready.status).toBe("READY");
    const { entries } = await inspectArchive(getBlobStore(), ready.archives[0]!.storageKey, ready.archives[0]!.sha256);
    expect(entries.get("data/orders.json")!.toString("utf8")).toContain(ORDER_NOTE);
    expect(entries.get("README.html")!.toString("utf8")).not.toContain("Article 15(4)");
  });

  it("sends a request without other people's data straight to READY", async () => {
    const ready = await exportApprovedRequest("casey@example.com", { sourceKeys: ["profile", "support"] });
    expect(ready.status).toBe("READY");
    expect(ready.disclosureFindings).toEqual([]);
    expect(await db.auditEvent.count({ where: { requestId: ready.id, action: "request.release_review" } })).toBe(0);
  });

  it("releases exactly once when two reviewers decide the last two passages at the same moment", async () => {
    const request = await createApprovedRequest("sam@example.com", { status: "RELEASE_REVIEW" });
    const passage = {
      requestId: request.id,
      sourceKey: "support",
      path: "subject",
      kind: "NAME" as const,
      start: 0,
      end: 9,
      matched: "Casey Kim",
      before: "",
      after: "",
    };
    const [first, second] = await Promise.all(
      [0, 1].map((recordIndex) => db.disclosureFinding.create({ data: { ...passage, recordIndex } })),
    );
    const ada = await db.user.create({ data: { email: "ada-rr@example.com", role: "ADMIN" } });
    const outcomes = await Promise.all([
      decideDisclosureFinding(staffCall(reviewer, request.id), {
        findingId: first!.id,
        decision: "REDACT",
        reason: "Another customer",
      }),
      decideDisclosureFinding(staffCall(ada, request.id), {
        findingId: second!.id,
        decision: "REDACT",
        reason: "Another customer",
      }),
    ]);
    expect(outcomes).toEqual([{ kind: "done" }, { kind: "done" }]);
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PACKAGING");
    expect(await db.auditEvent.count({ where: { requestId: request.id, action: "request.released" } })).toBe(1);
    expect(
      await db.jobEvent.count({
        where: { name: "privacy/request.released", data: { path: ["requestId"], equals: request.id } },
      }),
    ).toBe(1);
  });

  it("blanks the passages when staff cancel a held request, and keeps the decisions", async () => {
    const request = await createApprovedRequest("erin@example.com", { status: "RELEASE_REVIEW" });
    const passage = { sourceKey: "support", path: "subject", kind: "EMAIL" as const, start: 4, end: 20 };
    await db.disclosureFinding.create({
      data: {
        ...passage,
        requestId: request.id,
        recordIndex: 0,
        matched: "casey@example.com",
        before: "Ask ",
        after: "",
      },
    });
    const outcome = await cancelRequestByStaff(staffCall(reviewer, request.id), "Asked again by phone");
    expect(outcome).toEqual({ kind: "done" });
    const [finding] = await db.disclosureFinding.findMany({ where: { requestId: request.id } });
    expect(finding).toMatchObject({ matched: "", before: "", after: "", kind: "EMAIL", start: 4, end: 20 });
  });

  it("refuses a decision on a request that is not held, or on another request's finding", async () => {
    const held = await db.disclosureFinding.findFirstOrThrow();
    const other = await createApprovedRequest("sam@example.com");
    expect(
      await decideDisclosureFinding(staffCall(reviewer, other.id), {
        findingId: held.id,
        decision: "KEEP",
        reason: "Not this one",
      }),
    ).toEqual({ kind: "not-found" });
    expect(
      await decideDisclosureFinding(staffCall(reviewer, held.requestId), {
        findingId: held.id,
        decision: "KEEP",
        reason: "Too late now",
      }),
    ).toMatchObject({
      kind: "refused",
    });
  });
});
