import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/worker";
import { getBlobStore } from "@/lib/storage";
import { seedDemoCompany } from "@/prisma/demo-company";
import { inngest } from "@/lib/events/client";
import { functions } from "@/inngest/functions";
import { inspectArchive } from "@/test/archive-inspection";
import { createApprovedRequest } from "@/test/factories";
import { expectedOutsideRecords } from "@/test/fakes/outside-seed";
import { startOutsideServiceFakes } from "@/test/fakes/outside-services";
import { collectSource } from "./collect-source";
import { queueExport, queueSourceRetry } from "./queue-export";

// Outside services misbehave: rate limits, outages, hangs, a revoked key. The export retries
// what can succeed, fails what cannot with a message staff can act on, and never packages a
// partial result as complete. The real workflows run on the embedded runner against the fakes.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-outside-faults-"));
const fakes = await startOutsideServiceFakes();
Object.assign(process.env, fakes.env, { SOURCE_HTTP_ATTEMPTS: "2", SOURCE_HTTP_TIMEOUT_SECONDS: "1" });
reloadEnv();

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
});
afterEach(() => {
  for (const fake of [fakes.stripe, fakes.intercom, fakes.analytics]) fake.recover();
  Object.assign(process.env, fakes.env);
  reloadEnv();
});
afterAll(() => fakes.close());

const drain = () => drainJobs({ db, client: inngest, functions, backoffMs: 5 }, 120_000);
const sourceRow = (requestId: string, sourceKey: string) =>
  db.requestSource.findUniqueOrThrow({ where: { requestId_sourceKey: { requestId, sourceKey } } });

async function startCollecting(email: string, sourceKeys: string[]) {
  const request = await createApprovedRequest(email, { sourceKeys });
  await db.privacyRequest.update({ where: { id: request.id }, data: { status: "COLLECTING" } });
  await db.requestSource.createMany({ data: sourceKeys.map((sourceKey) => ({ requestId: request.id, sourceKey })) });
  return request;
}

describe("outside services that misbehave", () => {
  it("honour a 429's Retry-After and then collect everything", async () => {
    const request = await startCollecting("alex@example.com", ["stripe"]);
    const before = fakes.stripe.requests.length;
    fakes.stripe.failNext(1, 429, 1);
    const collected = await collectSource(request.id, "stripe");
    expect(collected.recordCount).toBe(expectedOutsideRecords("alex@example.com").stripe);
    expect(await sourceRow(request.id, "stripe")).toMatchObject({ status: "DONE", attempts: 1 });
    // The rate-limited request was sent again, inside the same step.
    expect(fakes.stripe.requests[before]).toEqual(fakes.stripe.requests[before + 1]);
  });

  it("retry a request that timed out", async () => {
    const request = await startCollecting("jordan@example.com", ["analytics"]);
    fakes.analytics.hangNext(1);
    const collected = await collectSource(request.id, "analytics");
    expect(collected.recordCount).toBe(expectedOutsideRecords("jordan@example.com").analytics);
  });

  it("end repeated 500s in a FAILED source with a plain error, and a retry after recovery gives READY with one archive", async () => {
    const request = await createApprovedRequest("casey@example.com", { sourceKeys: ["profile", "intercom"] });
    fakes.intercom.startOutage(500);
    await queueExport(request.id);
    await drain();
    const failed = await db.privacyRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { sources: true, archives: true },
    });
    expect(failed.status).toBe("FAILED");
    expect(failed.archives).toEqual([]);
    const intercom = failed.sources.find((s) => s.sourceKey === "intercom")!;
    expect(intercom.status).toBe("FAILED");
    expect(intercom.error).toMatch(
      /^Intercom answered HTTP 500: Server Error \(HTTP 500\)\. Retry the source later\.$/,
    );

    fakes.intercom.recover();
    await queueSourceRetry(request.id, "intercom");
    await drain();
    const ready = await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id }, include: { archives: true } });
    expect(ready.status).toBe("READY");
    expect(ready.archives).toHaveLength(1);
    const { manifest } = await inspectArchive(getBlobStore(), ready.archives[0]!.storageKey, ready.archives[0]!.sha256);
    expect(manifest.sources.find((s) => s.key === "intercom")).toMatchObject({
      status: "DONE",
      recordCount: expectedOutsideRecords("casey@example.com").intercom,
    });
  });

  it("fail the source at once when the service rejects the key, saying which setting to fix", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_revoked";
    reloadEnv();
    const request = await createApprovedRequest("jordan@example.com", { sourceKeys: ["stripe"] });
    const before = fakes.stripe.requests.length;
    await queueExport(request.id);
    await drain();
    const stripe = await sourceRow(request.id, "stripe");
    expect(stripe).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(stripe.error).toBe(
      "Stripe rejected the API key (HTTP 401: Invalid API Key provided: sk_test_****). Check STRIPE_SECRET_KEY, then retry this source.",
    );
    expect(fakes.stripe.requests.length - before).toBe(1);
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("FAILED");
  });

  it("never package a source that broke off part-way as complete", async () => {
    const request = await createApprovedRequest("alex@example.com", { sourceKeys: ["analytics"] });
    fakes.analytics.startOutage(503, 3); // three pages of events, then the service goes down
    await queueExport(request.id);
    await drain();
    const done = await db.privacyRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { sources: true, archives: true },
    });
    expect(done.status).toBe("FAILED");
    expect(done.archives).toEqual([]);
    expect(done.sources[0]).toMatchObject({ sourceKey: "analytics", status: "FAILED", stagingKey: null });
    expect(done.sources[0]!.error).toMatch(/^The analytics service answered HTTP 503/);
  });
});
