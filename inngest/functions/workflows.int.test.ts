import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { db } from "@/lib/db";
import { drainJobs } from "@/lib/jobs/worker";
import { queueExport, queueSourceRetry } from "@/lib/requests/queue-export";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { inspectArchive } from "@/test/archive-inspection";
import { createApprovedRequest } from "@/test/factories";
import { inngest } from "../client";
import { functions } from "./index";
import { reloadEnv } from "@/lib/env";

// The real workflows on the embedded runner, end to end: event in, archive and email out.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-workflows-"));
// getBlobStore reads DATA_DIR through env(): re-read it now that it is set.
reloadEnv();
const HEAVY_ROWS = 150_000;

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: HEAVY_ROWS });
});

const drain = () => drainJobs({ db, client: inngest, functions, backoffMs: 5 }, 120_000);
const readyEmails = (to: string) =>
  db.outboxEmail.count({ where: { to, subject: { startsWith: "Your data is ready" } } });

describe("export workflows", () => {
  it("takes an approved request to READY with one verified archive and one email", async () => {
    const request = await createApprovedRequest("alex@example.com");
    await queueExport(request.id);
    await drain();
    const done = await db.privacyRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { archives: true, sources: true },
    });
    expect(done.status).toBe("READY");
    expect(done.archives).toHaveLength(1);
    expect(done.sources.every((s) => s.status === "DONE")).toBe(true);
    await inspectArchive(getBlobStore(), done.archives[0]!.storageKey, done.archives[0]!.sha256);
    expect(await readyEmails("alex@example.com")).toBe(1);
    const run = await db.jobRun.findFirstOrThrow({
      where: { functionId: "privacy-portal-export-request" },
      orderBy: { createdAt: "desc" },
    });
    expect(run).toMatchObject({ status: "COMPLETED", output: { status: "READY" } });
  });

  it("marks a source that keeps failing FAILED, tells the customer, and a retry of that source finishes the export", async () => {
    const request = await createApprovedRequest("casey@example.com");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("ALTER TABLE streampay.streams RENAME TO streams_offline");
      await queueExport(request.id);
      await drain();
    } finally {
      await client.query("ALTER TABLE IF EXISTS streampay.streams_offline RENAME TO streams");
      await client.end();
    }
    const failed = await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id }, include: { sources: true } });
    expect(failed.status).toBe("FAILED");
    const streams = failed.sources.find((s) => s.sourceKey === "streams")!;
    expect(streams).toMatchObject({ status: "FAILED", attempts: 4 });
    expect(streams.error).toMatch(/streams/);
    expect(await db.outboxEmail.count({ where: { to: "casey@example.com", subject: { contains: "delayed" } } })).toBe(
      1,
    );

    await queueSourceRetry(request.id, "streams");
    await drain();
    const ready = await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id }, include: { archives: true } });
    expect(ready.status).toBe("READY");
    expect(ready.archives).toHaveLength(1);
    expect(await readyEmails("casey@example.com")).toBe(1);
  });

  it("survives its worker being killed mid-collection: READY with exactly one archive and one email", async () => {
    const request = await createApprovedRequest("heavy@example.com", { sourceKeys: ["activity", "profile"] });
    await queueExport(request.id);
    const worker = () =>
      spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        env: { ...process.env, JOB_LEASE_SECONDS: "1" },
        stdio: "ignore",
      });
    let first: ChildProcess | undefined = worker();
    const activity = () => db.requestSource.findFirst({ where: { requestId: request.id, sourceKey: "activity" } });
    await expect
      .poll(async () => (await activity())?.recordCount ?? 0, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    expect((await activity())!.status).toBe("COLLECTING");
    first.kill("SIGKILL");
    await new Promise((resolve) => first!.once("exit", resolve));
    first = undefined;

    const second = worker();
    try {
      await expect
        .poll(async () => (await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status, {
          timeout: 60_000,
          interval: 200,
        })
        .toBe("READY");
      await expect.poll(() => readyEmails("heavy@example.com"), { timeout: 10_000 }).toBe(1);
    } finally {
      second.kill("SIGTERM");
    }
    const archives = await db.exportArchive.findMany({ where: { requestId: request.id } });
    expect(archives).toHaveLength(1);
    const { manifest } = await inspectArchive(getBlobStore(), archives[0]!.storageKey, archives[0]!.sha256);
    expect(manifest.sources.find((s) => s.key === "activity")!.recordCount).toBe(HEAVY_ROWS);
    expect((await activity())!.attempts).toBe(2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
