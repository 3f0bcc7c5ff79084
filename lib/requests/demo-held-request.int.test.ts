import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { seedDemoCompany } from "@/prisma/demo-company";
import { seedPortalAccounts } from "@/prisma/seed-portal";
import { drainWorkflows, exportApprovedRequest } from "@/test/export-request";
import { createPrivacyRequest } from "./create-privacy-request";
import { decideRemainingFindings } from "./release-review";

// The demo as `npm run dev` seeds it shows a held request: Robin's support ticket names Sam Rivera,
// another demo customer, so Robin's access request stops in "review before release" until the
// demo reviewer decides (docs/art-15-4-review.md).

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-demo-held-"));
// As in demo mode: an exact email match is approved without a reviewer.
process.env.IDENTITY_AUTO_APPROVE = "true";
reloadEnv();

const everything = { type: "ACCESS" as const, sourceKeys: [], formats: ["JSON" as const], rangeTo: undefined };

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
  await seedPortalAccounts(db);
});

describe("the demo company's held request", () => {
  it("holds Robin's request for the demo reviewer, with Sam's name and email found, and releases it once decided", async () => {
    const robin = await db.user.findUniqueOrThrow({ where: { email: "robin@example.com" } });
    const request = await createPrivacyRequest(robin, everything);
    await drainWorkflows();

    const held = await db.privacyRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { disclosureFindings: true, archives: true },
    });
    expect(held).toMatchObject({ status: "RELEASE_REVIEW", subjectId: "cus_000007", archives: [] });
    expect(
      held.disclosureFindings.map(({ sourceKey, path, kind, matched, decision }) => ({
        sourceKey,
        path,
        kind,
        matched,
        decision,
      })),
    ).toEqual(
      expect.arrayContaining([
        { sourceKey: "support", path: "messages[0].body", kind: "NAME", matched: "Sam Rivera", decision: "PENDING" },
        {
          sourceKey: "support",
          path: "messages[0].body",
          kind: "EMAIL",
          matched: "sam@example.com",
          decision: "PENDING",
        },
      ]),
    );
    expect(held.disclosureFindings).toHaveLength(2);

    const reviewer = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
    const decided = await decideRemainingFindings(
      { actor: reviewer, requestId: request.id },
      { decision: "REDACT", reason: "Sam Rivera's name and email address" },
    );
    expect(decided).toEqual({ kind: "done" });
    await drainWorkflows();
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("READY");
  });

  it("holds no other demo customer's request: their generated tickets name nobody", async () => {
    for (const email of ["jordan@example.com", "casey@example.com"]) {
      const done = await exportApprovedRequest(email, { sourceKeys: ["support", "orders"], formats: ["JSON"] });
      expect({ email, status: done.status, findings: done.disclosureFindings }).toEqual({
        email,
        status: "READY",
        findings: [],
      });
    }
  });

  it("finds other customers' names in any case and without accents, through the resolver's folded lookup", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // Stored decomposed (NFD), written in the ticket without accents and in capitals.
      await client.query(
        `INSERT INTO streampay.customers (external_id, email, full_name) VALUES ('cus_jurgen', 'jurgen@example.com', $1)`,
        ["Jürgen Müller".normalize("NFD")],
      );
      await client.query(
        `INSERT INTO streampay.ticket_messages (ticket_id, author, body, sent_at)
         SELECT t.id, 'customer', $1, now() FROM streampay.support_tickets t
           JOIN streampay.customers c ON c.id = t.customer_id
          WHERE c.email = 'casey@example.com' ORDER BY t.id DESC LIMIT 1`,
        ["please ask jurgen muller, or SAM RIVERA; not sam, nor rivera alone."],
      );
    } finally {
      await client.end();
    }
    const held = await exportApprovedRequest("casey@example.com", { sourceKeys: ["support"], formats: ["JSON"] });
    expect(held.status).toBe("RELEASE_REVIEW");
    expect(held.disclosureFindings.map(({ kind, matched, before }) => ({ kind, matched, before }))).toEqual([
      { kind: "NAME", matched: "jurgen muller", before: "please ask " },
      { kind: "NAME", matched: "SAM RIVERA", before: "please ask jurgen muller, or " },
    ]);
  });
});
