import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/lib/db";
import { queueExport } from "@/lib/requests/queue-export";
import { seedDemoCompany } from "@/prisma/demo-company";
import { createApprovedRequest } from "@/test/factories";
import { isDatabaseUnavailable, withClient } from "./availability";

// What an operator sees when PostgreSQL drops the portal's connections (a failover, an
// idle-connection reaper, pg_terminate_backend, a restart): the worker and the app stay up, answer
// 503 while the database is away, and carry on by themselves once it is back.

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-faults-"));
const databaseName = () => new URL(process.env.DATABASE_URL!).pathname.slice(1);
const onServer = <T>(work: (query: (sql: string) => Promise<{ rowCount: number | null }>) => Promise<T>) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/postgres";
  return withClient(url.toString(), "test", (client) => work((sql) => client.query(sql)));
};
/** Ends every session of the test database but this helper's own (it is on another database). */
const terminateAll = () =>
  onServer(async (query) => {
    const { rowCount } = await query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${databaseName()}'`);
    return rowCount ?? 0;
  });
const healthStatus = async () => (await health()).status;

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 40_000 });
});
afterAll(async () => {
  await onServer((query) => query(`ALTER DATABASE "${databaseName()}" ALLOW_CONNECTIONS true`));
});

describe("database faults", () => {
  // A worker process starts, collects, loses its connections and finishes: slow on a busy machine.
  it("an export survives every connection being terminated mid-collection: READY, one archive, one email, nothing restarted", { timeout: 240_000 }, async () => {
    const request = await createApprovedRequest("heavy@example.com", { sourceKeys: ["profile", "orders", "support", "activity"] });
    await queueExport(request.id);
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, JOB_LEASE_SECONDS: "2" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
    try {
      const activity = () => db.requestSource.findFirst({ where: { requestId: request.id, sourceKey: "activity" } });
      await expect.poll(async () => (await activity())?.recordCount ?? 0, { timeout: 90_000, interval: 50 }).toBeGreaterThan(0);
      // The other sources are done by now: their pooled connections sit idle, which is where an
      // unhandled 'error' event used to end the worker.
      expect(await terminateAll()).toBeGreaterThan(1);

      // The app's own pool reconnects: health answers 200 again without a restart.
      await expect.poll(healthStatus, { timeout: 10_000, interval: 100 }).toBe(200);
      await expect
        .poll(async () => (await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).status, { timeout: 60_000, interval: 200 })
        .toBe("READY");
      expect(worker.exitCode).toBeNull();
    } finally {
      worker.kill("SIGTERM");
      await exited;
    }
    expect(await db.exportArchive.count({ where: { requestId: request.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: "heavy@example.com", subject: { startsWith: "Your data is ready" } } })).toBe(1);
  });

  it("/api/health answers 503 while the database refuses connections and 200 once it is back", async () => {
    expect(await healthStatus()).toBe(200);
    await onServer((query) => query(`ALTER DATABASE "${databaseName()}" ALLOW_CONNECTIONS false`));
    await terminateAll();
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, database: "unavailable" });
      // The same failure is what the API and server actions turn into a 503 / "try again" answer.
      expect(await db.user.count().then(() => null, (error: unknown) => isDatabaseUnavailable(error))).toBe(true);
    } finally {
      await onServer((query) => query(`ALTER DATABASE "${databaseName()}" ALLOW_CONNECTIONS true`));
    }
    expect(await healthStatus()).toBe(200);
  });
});
