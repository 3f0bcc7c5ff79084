import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { db } from "@/lib/db";
import { createFilesystemStore } from "@/lib/storage/filesystem-store";
import { listSources } from "@/lib/sources/registry";
import { seedDemoCompany } from "@/prisma/demo-company";
import { inspectArchive } from "@/test/archive-inspection";
import { createApprovedRequest } from "@/test/factories";
import { collectSource } from "./collect-source";
import { expireArchives } from "./expire-archives";
import { failSource, reopenSource } from "./fail-source";
import { sendDataReadyEmail } from "./notify-customer";
import { packageArchive } from "./package-archive";
import { startCollection } from "./start-collection";

// The export steps in the order the workflow runs them (inngest/functions/export-request.ts),
// called directly: what the archive contains, and what each step records.

const store = createFilesystemStore(mkdtempSync(path.join(os.tmpdir(), "portal-export-")));
const SECRETS = [
  "sk_live_",
  "$argon2id$",
  "INTERNAL",
  "fp_secret_",
  "password_hash",
  "risk_notes",
  "api_key",
  "card_fingerprint",
  "agent_notes",
  "internal_margin",
];

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
});

async function exportFor(email: string) {
  const request = await createApprovedRequest(email);
  const { sourceKeys } = await startCollection(request.id);
  for (const key of sourceKeys) await collectSource(request.id, key, store);
  const archive = await packageArchive(request.id, store);
  return { request, archive };
}

describe("exporting a request", () => {
  it("gives Alex a complete, verifiable archive of his live data and nothing else", async () => {
    const { request, archive } = await exportFor("alex@example.com");
    const stored = await db.exportArchive.findUniqueOrThrow({ where: { id: archive.archiveId } });
    const { manifest, entries, text } = await inspectArchive(store, stored.storageKey, stored.sha256);

    expect(manifest.subject).toEqual({ id: "cus_000001", email: "alex@example.com" });
    // Every source, in the order the status page lists them (profile first), README.html too.
    const keys = listSources().map((s) => s.key);
    expect(manifest.sources.map((s) => s.key)).toEqual(keys);
    const readme = entries.get("README.html")!.toString("utf8");
    const sections = keys.map((key) => readme.indexOf(`id="source-${key}"`));
    expect(sections.every((at) => at >= 0)).toBe(true);
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    const rows = await db.requestSource.findMany({ where: { requestId: request.id } });
    for (const row of rows) {
      expect(row.status).toBe("DONE");
      expect(manifest.sources.find((s) => s.key === row.sourceKey)!.recordCount).toBe(row.recordCount);
    }
    expect(rows.reduce((sum, r) => sum + r.recordCount, 0)).toBeGreaterThan(10_000);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"sequence":\s*(340|680)[,}]/); // erased activity
    expect(text).not.toContain("SP-3-"); // Jordan's orders
    expect(text).toContain("SP-1-00001");

    const done = await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe("READY");
    expect(done.completedAt).not.toBeNull();
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const actions = (await db.auditEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions[0]).toBe("request.collecting");
    expect(actions.filter((a) => a === "source.collected")).toHaveLength(listSources().length);
    expect(actions.slice(-3)).toEqual(["request.packaging", "archive.created", "request.ready"]);
  });

  it("gives Sam, who has no history, a complete archive that says so", async () => {
    const { archive } = await exportFor("sam@example.com");
    const stored = await db.exportArchive.findUniqueOrThrow({ where: { id: archive.archiveId } });
    const { manifest, entries } = await inspectArchive(store, stored.storageKey, stored.sha256);
    const withRecords = manifest.sources.filter((s) => s.recordCount > 0).map((s) => s.key);
    expect(withRecords).toEqual(["profile"]);
    expect(entries.get("data/orders.json")!.toString()).toMatch(/^\[\s*\]\s*$/);
    expect(entries.get("README.html")!.toString()).toContain("No records were found");
  });

  it("writes README.html and the ready email in the language the customer asked in", async () => {
    const request = await createApprovedRequest("heavy@example.com");
    await db.privacyRequest.update({ where: { id: request.id }, data: { locale: "de" } });
    const { sourceKeys } = await startCollection(request.id);
    for (const key of sourceKeys) await collectSource(request.id, key, store);
    const archive = await packageArchive(request.id, store);
    const stored = await db.exportArchive.findUniqueOrThrow({ where: { id: archive.archiveId } });
    const { entries } = await inspectArchive(store, stored.storageKey, stored.sha256);
    const readme = entries.get("README.html")!.toString();
    expect(readme).toMatch(/<html lang="de">/);
    expect(readme).toContain("Ihre Rechte");
    await sendDataReadyEmail(request.id, archive.archiveId);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: "heavy@example.com" } });
    expect(email.subject).toMatch(/^Ihre Daten stehen zum Herunterladen bereit/);
    expect(email.html).toContain('lang="de"');
  });

  it("emails one download link per archive, however often the step runs", async () => {
    const { request, archive } = await exportFor("jordan@example.com");
    await sendDataReadyEmail(request.id, archive.archiveId);
    await sendDataReadyEmail(request.id, archive.archiveId);
    const emails = await db.outboxEmail.findMany({ where: { to: "jordan@example.com" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(`/privacy-center/requests/${request.id}/download?token=`);
  });

  it("marks a failing source FAILED with its error, and a retry of just that source makes the request READY", async () => {
    const request = await createApprovedRequest("casey@example.com");
    const { sourceKeys } = await startCollection(request.id);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("ALTER TABLE streampay.payouts RENAME TO payouts_offline");
      for (const key of sourceKeys) {
        await collectSource(request.id, key, store).catch((error: unknown) => failSource(request.id, key, error));
      }
      const failed = await db.requestSource.findUniqueOrThrow({
        where: { requestId_sourceKey: { requestId: request.id, sourceKey: "payouts" } },
      });
      expect(failed.status).toBe("FAILED");
      expect(failed.error).toMatch(/payouts/);
      expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("FAILED");
    } finally {
      await client.query("ALTER TABLE IF EXISTS streampay.payouts_offline RENAME TO payouts");
      await client.end();
    }
    expect(await reopenSource(request.id, "payouts")).toBe(true);
    expect(await reopenSource(request.id, "payouts")).toBe(false);
    await collectSource(request.id, "payouts", store);
    const archive = await packageArchive(request.id, store);
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("READY");
    expect(await db.exportArchive.count({ where: { requestId: request.id } })).toBe(1);
    const stored = await db.exportArchive.findUniqueOrThrow({ where: { id: archive.archiveId } });
    const { manifest } = await inspectArchive(store, stored.storageKey, stored.sha256);
    expect(manifest.sources.find((s) => s.key === "payouts")).toMatchObject({ status: "DONE", recordCount: 4 });
  });

  it("deletes an archive after its retention, keeps the row as proof, and expires the request", async () => {
    const { request, archive } = await exportFor("casey@example.com");
    const stored = await db.exportArchive.findUniqueOrThrow({ where: { id: archive.archiveId } });
    await expireArchives(new Date(), store);
    expect(await store.head(stored.storageKey)).not.toBeNull(); // not due yet
    const later = new Date(stored.expiresAt.getTime() + 1000);
    expect((await expireArchives(later, store)).expired).toBeGreaterThanOrEqual(1);
    expect(await store.head(stored.storageKey)).toBeNull();
    const staged: string[] = [];
    for await (const object of store.list(`staging/${request.id}/`)) staged.push(object.key);
    expect(staged).toEqual([]);
    expect((await db.exportArchive.findUniqueOrThrow({ where: { id: stored.id } })).deletedAt).toEqual(later);
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("EXPIRED");
    expect(await expireArchives(later, store)).toEqual({ expired: 0 });
  });
});
