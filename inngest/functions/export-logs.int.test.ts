import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/worker";
import { logger } from "@/lib/observability/logger";
import { queueExport } from "@/lib/requests/queue-export";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createApprovedRequest } from "@/test/factories";
import { startLogCapture, type CapturedLogs } from "@/test/log-capture";
import { inngest } from "../client";
import { functions } from "./index";

// What a full export writes to the log, as the worker writes it: JSON lines that an operator can
// follow by the request's reference, and that never hold the customer's address, their download
// link or a value from their data (Art. 5(1)(c) and (f) GDPR: logs travel further than the data).

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-export-logs-"));
reloadEnv();

let logs: CapturedLogs;

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
  logs = startLogCapture();
});
afterAll(() => logs.stop());

// The worker hands the runner's lines to the logger the same way (scripts/worker.ts).
const drain = () =>
  drainJobs({ db, client: inngest, functions, backoffMs: 5, log: (line) => logger().info(line) }, 120_000);

describe("the logs of an export", () => {
  it("are JSON, name the request's reference on every line about it, and hold no address, link or value", async () => {
    const alex = await createApprovedRequest("alex@example.com");
    const casey = await createApprovedRequest("casey@example.com");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // One request READY with its emailed link, one whose source fails after its retries.
      await queueExport(alex.id);
      await drain();
      await client.query("ALTER TABLE streampay.payouts RENAME TO payouts_offline");
      await queueExport(casey.id);
      await drain();
    } finally {
      await client.query("ALTER TABLE IF EXISTS streampay.payouts_offline RENAME TO payouts");
      await client.end();
    }
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: alex.id } })).status).toBe("READY");
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: casey.id } })).status).toBe("FAILED");

    const raw = logs.raw();
    const entries = raw.map((line) => JSON.parse(line) as Record<string, unknown>); // throws on a non-JSON line
    const email = await db.outboxEmail.findFirstOrThrow({
      where: { to: "alex@example.com", subject: { startsWith: "Your data is ready" } },
    });
    const link = /https?:\/\/\S+\/download\?token=[^\s"<]+/.exec(email.text)![0];
    const token = new URL(link).searchParams.get("token")!;
    const whole = raw.join("\n");
    for (const secret of [
      "alex@example.com",
      "casey@example.com",
      token,
      link,
      "Alex Morgan",
      "Casey Kim",
      "SP-1-00001",
      "cus_000001",
    ]) {
      expect(whole, `the logs contain ${secret}`).not.toContain(secret);
    }

    for (const request of [alex, casey]) {
      const runs = (
        await db.jobRun.findMany({ where: { event: { path: ["data", "requestId"], equals: request.id } } })
      ).map((run) => run.id);
      expect(runs).toHaveLength(1);
      const about = entries.filter(
        (entry) =>
          entry.privacyRequestId === request.id ||
          runs.includes(entry.runId as string) ||
          JSON.stringify(entry).includes(request.id),
      );
      expect(about.length).toBeGreaterThan(5);
      for (const entry of about) expect(entry, JSON.stringify(entry)).toMatchObject({ reference: request.reference });
    }
    const steps = (request: { id: string }, msg: string) =>
      entries.filter((entry) => entry.privacyRequestId === request.id && entry.msg === msg).map((entry) => entry.step);
    expect(steps(alex, "step finished")).toEqual(
      expect.arrayContaining(["start-collection", "collect:orders", "package-archive", "send-ready-email"]),
    );
    const failed = entries.filter((entry) => entry.privacyRequestId === casey.id && entry.msg === "step failed");
    expect(failed.map((entry) => entry.step)).toContain("collect:payouts");
    expect(failed[0]).toMatchObject({
      level: "warn",
      process: "web",
      err: { message: expect.stringContaining("payouts") },
    });
    // The runner's and the SDK's own lines about the failed attempts name the request too.
    const retries = entries.filter(
      (entry) => typeof entry.msg === "string" && entry.msg.startsWith("step collect:payouts"),
    );
    expect(retries.length).toBeGreaterThan(0);
    for (const entry of retries) expect(entry).toMatchObject({ reference: casey.reference });
    expect(entries.filter((entry) => entry.module === "inngest" && !entry.reference)).toEqual([]);
    expect(entries.every((entry) => typeof entry.time === "string" && typeof entry.level === "string")).toBe(true);
  });

  it("censors a known key and masks an address or a link token in free text", () => {
    logger().info(
      { email: "sam@example.com", nested: { token: "abc.def" }, downloadUrl: "https://x/d?token=abc" },
      "sent to sam@example.com via https://x/d?token=zzz",
    );
    const last = logs.entries().at(-1)!;
    expect(last).toMatchObject({ email: "[redacted]", nested: { token: "[redacted]" }, downloadUrl: "[redacted]" });
    expect(last.msg).toBe("sent to [email] via https://x/d?token=[redacted]");
  });
});
