import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { embeddedEventFetch } from "./event-inbox";
import { startWorker } from "./worker";

// A burst: many runs, each with parallel steps, queued at once. The worker's concurrency is the
// number of steps it executes at the same moment, whatever the number of runs waiting.

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const client = new Inngest({ id: "concurrency-test", isDev: true, fetch: embeddedEventFetch, logger: quiet });
let inFlight = 0;
let most = 0;
const finished: string[] = [];

const wide = client.createFunction({ id: "wide", triggers: [{ event: "test/wide" }] }, async ({ event, step }) => {
  await Promise.all(
    ["a", "b", "c", "d"].map((name) =>
      step.run(`collect:${name}`, async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Long enough that, without the limit, every run's steps would overlap.
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight -= 1;
        finished.push(`${event.id}:${name}`);
      }),
    ),
  );
  return { done: true };
});

describe("embedded runner: concurrency", () => {
  it("executes no more steps at once than its concurrency, across runs, and finishes them all", async () => {
    const worker = startWorker({
      databaseUrl: process.env.DATABASE_URL!,
      client,
      functions: [wide],
      concurrency: 3,
      pollMs: 50,
    });
    try {
      const { ids } = await client.send(Array.from({ length: 6 }, () => ({ name: "test/wide", data: {} })));
      await expect
        .poll(() => db.jobRun.count({ where: { eventId: { in: ids }, status: "COMPLETED" } }), {
          timeout: 30_000,
          interval: 50,
        })
        .toBe(6);
      expect(most).toBeLessThanOrEqual(3);
      expect(most).toBeGreaterThan(1); // the limit is a limit, not one step at a time
      expect(new Set(finished).size).toBe(24);
      expect(finished).toHaveLength(24);
    } finally {
      await worker.stop();
    }
  });
});
