import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/worker";
import { startTracing, type Tracing } from "@/lib/observability/tracing";
import { queueExport } from "@/lib/requests/queue-export";
import { listSources } from "@/lib/sources/registry";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createApprovedRequest } from "@/test/factories";
import { startOtlpReceiver } from "@/test/fakes/otlp-receiver";
import { inngest } from "../client";
import { functions } from "./index";

// An export traced as the worker traces it (scripts/worker.ts starts the same setup), sent over
// OTLP/HTTP to a local collector: one trace per run, a root span for the run and one child per step.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-export-trace-"));
reloadEnv();

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let tracing: Tracing;

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
  receiver = await startOtlpReceiver();
  tracing = startTracing(
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "portal-test",
      OTEL_EXPORTER_OTLP_HEADERS: { "x-api-key": "collector-key" },
    },
    "worker",
  )!;
});
afterAll(async () => {
  await tracing.shutdown();
  await receiver.close();
});

describe("the trace of an export", () => {
  it("is one trace: the run's root span, and a child span per step, named like the steps", async () => {
    const request = await createApprovedRequest("sam@example.com");
    await queueExport(request.id);
    await drainJobs({ db, client: inngest, functions, backoffMs: 5 }, 120_000);
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("READY");
    await tracing.forceFlush();

    const ours = receiver.spans.filter((span) => span.attributes["privacy_request.id"] === request.id);
    const roots = ours.filter((span) => span.parentSpanId === undefined);
    expect(roots.map((span) => span.name)).toEqual(["export-request"]);
    const [root] = roots as [(typeof ours)[number]];
    expect(root.attributes).toMatchObject({
      "privacy_request.reference": request.reference,
      "workflow.function": "export-request",
    });
    expect(root.service).toBe("portal-test-worker");

    const steps = ours.filter((span) => span !== root);
    const collects = listSources().map((source) => `collect:${source.key}`);
    expect(steps.map((span) => span.name).sort()).toEqual(
      ["start-collection", ...collects, "package-archive", "send-ready-email"].sort(),
    );
    for (const step of steps) {
      expect(step.traceId, step.name).toBe(root.traceId);
      expect(step.parentSpanId, step.name).toBe(root.spanId);
      expect(step.startNs >= root.startNs && step.endNs <= root.endNs, `${step.name} lies within the run`).toBe(true);
      expect(step.attributes).toMatchObject({
        "workflow.step": step.name,
        "privacy_request.reference": request.reference,
      });
    }
    // The SDK's span per function call would make each replay a trace of its own: none is sent.
    expect(receiver.spans.filter((span) => span.name === "inngest.execution")).toEqual([]);
    expect(receiver.spans.filter((span) => span.traceId === root.traceId)).toHaveLength(ours.length);
    expect(receiver.headers.every((headers) => headers["x-api-key"] === "collector-key")).toBe(true);
  });
});
