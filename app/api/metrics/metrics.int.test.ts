import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeAuditCheckpoint } from "@/lib/audit/checkpoint";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { forgetCheckpointAge } from "@/lib/metrics/audit";
import { collectSource } from "@/lib/requests/collect-source";
import { failSource } from "@/lib/requests/fail-source";
import { sendDataReadyEmail } from "@/lib/requests/notify-customer";
import { packageArchive } from "@/lib/requests/package-archive";
import { startCollection } from "@/lib/requests/start-collection";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createApprovedRequest, createPendingRequest } from "@/test/factories";
import { browserRequest, callRoute } from "@/test/next-request";
import { GET as getExport } from "../v1/exports/[id]/route";
import { GET as getMetrics } from "./route";

// /api/metrics as Prometheus scrapes it, after the export steps really ran (called in the order
// the workflow runs them, as lib/requests/export-pipeline.int.test.ts does): every value read
// back is one those steps, or rows written here, produced.

const TOKEN = "metrics-token-for-the-integration-test";
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-metrics-"));
process.env.METRICS_TOKEN = TOKEN;
reloadEnv();

const scrape = (authorization?: string) =>
  callRoute(getMetrics, browserRequest("/api/metrics", { headers: authorization ? { authorization } : {} }));

async function metrics(): Promise<string> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return response.text();
}

/** The value of one sample, e.g. value(text, "portal_jobs", { state: "queued" }); undefined if absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-z0-9_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v))
      return match[3] === "+Inf" ? Number.POSITIVE_INFINITY : Number(match[3]);
  }
  return undefined;
}

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
});

describe("who may scrape /api/metrics", () => {
  it("is refused without the token or with a wrong one (401), and absent when no token is configured (404)", async () => {
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape(`Bearer ${TOKEN}-not`)).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);

    delete process.env.METRICS_TOKEN;
    reloadEnv();
    try {
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
      reloadEnv();
    }
  });
});

describe("what /api/metrics reports", () => {
  it("counts a real export: its duration and size, each source's collect, the email it sent", async () => {
    const store = getBlobStore();
    const request = await createApprovedRequest("alex@example.com");
    const { sourceKeys } = await startCollection(request.id);
    for (const key of sourceKeys) await collectSource(request.id, key, store);
    const { archiveId } = await packageArchive(request.id, store);
    await sendDataReadyEmail(request.id, archiveId);

    const text = await metrics();
    const archive = await db.exportArchive.findUniqueOrThrow({ where: { id: archiveId } });
    expect(value(text, "portal_export_size_bytes_count")).toBe(1);
    expect(value(text, "portal_export_size_bytes_sum")).toBe(Number(archive.sizeBytes));
    const sources = await db.requestSource.findMany({ where: { requestId: request.id } });
    const started = Math.min(...sources.map((s) => s.startedAt!.getTime()));
    expect(value(text, "portal_export_duration_seconds_count")).toBe(1);
    expect(value(text, "portal_export_duration_seconds_sum")).toBeCloseTo(
      (archive.createdAt.getTime() - started) / 1000,
      2,
    );
    expect(value(text, "portal_export_duration_seconds_bucket", { le: "+Inf" })).toBe(1);

    for (const source of sources) {
      expect(value(text, "portal_source_collects", { source: source.sourceKey, status: "DONE" })).toBe(1);
      expect(value(text, "portal_source_collect_duration_seconds_count", { source: source.sourceKey })).toBe(1);
      const took = (source.finishedAt!.getTime() - source.startedAt!.getTime()) / 1000;
      expect(value(text, "portal_source_collect_duration_seconds_sum", { source: source.sourceKey })).toBeCloseTo(
        took,
        2,
      );
      expect(value(text, "portal_source_consecutive_failures", { source: source.sourceKey })).toBe(0);
    }
    expect(value(text, "portal_emails_sent_total", { template: "data-ready" })).toBe(1);
  });

  it("shows a source that failed for three requests in a row, until one succeeds", async () => {
    const store = getBlobStore();
    const failing: string[] = [];
    for (const email of ["jordan@example.com", "sam@example.com", "heavy@example.com"]) {
      const request = await createApprovedRequest(email, { sourceKeys: ["orders"] });
      await startCollection(request.id);
      await failSource(request.id, "orders", new Error("connection refused"));
      failing.push(request.id);
    }
    let text = await metrics();
    expect(value(text, "portal_source_consecutive_failures", { source: "orders" })).toBe(3);
    expect(value(text, "portal_source_collects", { source: "orders", status: "FAILED" })).toBe(3);
    expect(value(text, "portal_requests_open", { status: "FAILED" })).toBe(3);

    // Staff retry the last one and it succeeds: the streak ends.
    await db.requestSource.update({
      where: { requestId_sourceKey: { requestId: failing[2]!, sourceKey: "orders" } },
      data: { status: "PENDING" },
    });
    await collectSource(failing[2]!, "orders", store);
    text = await metrics();
    expect(value(text, "portal_source_consecutive_failures", { source: "orders" })).toBe(0);
  });

  it("reports open requests by status and those overdue or due within 7 days", async () => {
    const day = 24 * 3600 * 1000;
    const before = await metrics();
    await createPendingRequest("overdue@example.com", { dueAt: new Date(Date.now() - day) });
    await createPendingRequest("soon@example.com", { dueAt: new Date(Date.now() + 3 * day) });
    await createPendingRequest("later@example.com", { dueAt: new Date(Date.now() + 20 * day) });
    const text = await metrics();
    const grew = (name: string, labels?: Record<string, string>) =>
      value(text, name, labels)! - value(before, name, labels)!;
    expect(grew("portal_requests_open", { status: "IDENTITY_REVIEW" })).toBe(3);
    expect(grew("portal_requests_overdue")).toBe(1);
    expect(grew("portal_requests_due_within_7_days")).toBe(1);
    // Closed statuses are not open requests.
    expect(value(text, "portal_requests_open", { status: "READY" })).toBeUndefined();
  });

  it("reads the job queue, the outboxes' lag and the audit checkpoint's age", async () => {
    const event = { name: "test/event", data: {} };
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await db.jobRun.createMany({
      data: [
        { functionId: "metrics-test", eventId: "e1", event },
        {
          functionId: "metrics-test",
          eventId: "e2",
          event,
          leaseOwner: "worker-1",
          leaseExpiresAt: new Date(Date.now() + 30_000),
        },
        {
          functionId: "metrics-test",
          eventId: "e3",
          event,
          attempts: { "collect:orders": 1 },
          runAfter: new Date(Date.now() + 60_000),
        },
        { functionId: "metrics-test", eventId: "e4", event, status: "COMPLETED" },
      ],
    });
    await db.outboxEvent.create({ data: { id: "o1", name: "test/event", data: {}, createdAt: minutesAgo(10) } });
    await db.outboxEvent.create({
      data: { id: "o2", name: "test/event", data: {}, createdAt: minutesAgo(30), sentAt: new Date() },
    });
    await db.jobEvent.create({ data: { id: "j1", name: "test/event", data: {}, receivedAt: minutesAgo(2) } });

    forgetCheckpointAge();
    let text = await metrics();
    expect(value(text, "portal_jobs", { state: "queued" })).toBe(1);
    expect(value(text, "portal_jobs", { state: "running" })).toBe(1);
    expect(value(text, "portal_jobs", { state: "retrying" })).toBe(1);
    expect(value(text, "portal_outbox_lag_seconds", { outbox: "inngest" })).toBeGreaterThanOrEqual(600);
    expect(value(text, "portal_outbox_lag_seconds", { outbox: "inngest" })).toBeLessThan(660);
    expect(value(text, "portal_outbox_lag_seconds", { outbox: "embedded" })).toBeGreaterThanOrEqual(120);
    expect(value(text, "portal_audit_checkpoint_age_seconds")).toBe(Number.POSITIVE_INFINITY);

    await writeAuditCheckpoint(db, getBlobStore());
    forgetCheckpointAge();
    text = await metrics();
    expect(value(text, "portal_audit_checkpoint_age_seconds")).toBeLessThan(60);
  });

  it("times API requests by route template and status (this process)", async () => {
    await callRoute(getExport, browserRequest("/api/v1/exports/00000000-0000-0000-0000-000000000000"), {
      id: "00000000-0000-0000-0000-000000000000",
    });
    const text = await metrics();
    expect(
      value(text, "portal_http_request_duration_seconds_count", {
        route: "/api/v1/exports/[id]",
        method: "GET",
        status: "401",
      }),
    ).toBe(1);
    expect(text).not.toContain("00000000-0000");
    // The refused scrapes above were timed too.
    expect(value(text, "portal_http_request_duration_seconds_count", { route: "/api/metrics", status: "401" })).toBe(3);
  });
});
