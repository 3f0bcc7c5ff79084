import { spawn } from "node:child_process";
import { Inngest } from "inngest";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fireCronTicks, type CronTicksSeen } from "./cron";
import { drainJobs } from "./drain-jobs";
import { embeddedEventFetch } from "./event-inbox";
import { describeJobs } from "./functions";
import { crashClient, crashFunctions } from "./test-fixtures/crash-functions";
import { startWorker } from "./worker";

// Durability of the embedded runner: several workers sharing one queue, cron with more than one
// worker, a clean stop, and a worker killed in the middle of a step.

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const client = new Inngest({ id: "worker-test", isDev: true, fetch: embeddedEventFetch, logger: quiet });
const executions = new Map<string, number>();
const execute = (name: string) => executions.set(name, (executions.get(name) ?? 0) + 1);
const databaseUrl = () => process.env.DATABASE_URL!;

const fanOut = client.createFunction(
  { id: "fan-out", triggers: [{ event: "test/fan-out" }] },
  async ({ event, step }) => {
    await step.run("first", () => execute(`first:${event.id}`));
    await Promise.all(["a", "b", "c"].map((name) => step.run(`collect:${name}`, () => execute(`${name}:${event.id}`))));
    return { done: true };
  },
);

const slow = client.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async ({ step }) => {
  await step.run("slow", async () => {
    execute("slow:start");
    await new Promise((resolve) => setTimeout(resolve, 400));
    execute("slow:done");
  });
  await step.run("next", () => execute("next"));
  return { done: true };
});

const yearly = client.createFunction({ id: "yearly", triggers: [{ cron: "0 0 1 1 *" }] }, async ({ event }) => ({
  cron: (event.data as { cron: string }).cron,
}));
const everyFive = client.createFunction({ id: "every-five", triggers: [{ cron: "*/5 * * * *" }] }, async () => ({
  ticked: true,
}));

const lapsing = client.createFunction(
  { id: "lapsing", triggers: [{ event: "test/lapsing" }] },
  async ({ event, step }) => {
    await step.run("outlives-its-lease", async () => {
      execute(`lapsing:${event.id}`);
      // What a database away for longer than the lease does to a run in progress: its renewals
      // fail and its lease lapses while the step goes on.
      await db.jobRun.updateMany({
        where: { eventId: event.id },
        data: { leaseExpiresAt: new Date(Date.now() - 1_000) },
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    return { done: true };
  },
);

const functions = [fanOut, slow, yearly];
const runsOf = (functionId: string) => db.jobRun.count({ where: { functionId: `worker-test-${functionId}` } });

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE job_test_effects (id serial PRIMARY KEY, name text NOT NULL)`);
});

describe("embedded runner: workers", () => {
  it("starts one run for an event delivered twice", async () => {
    await client.send({ id: "delivered-twice", name: "test/fan-out", data: {} });
    await client.send({ id: "delivered-twice", name: "test/fan-out", data: {} });
    await drainJobs({ db, client, functions });
    expect(await db.jobRun.count({ where: { eventId: "delivered-twice" } })).toBe(1);
    expect(executions.get("first:delivered-twice")).toBe(1);
  });

  it("does not start a second execution of its own run whose lease lapsed while it was still running", async () => {
    // A long lease: no heartbeat renews it during the step, which lets it lapse itself.
    const options = { databaseUrl: databaseUrl(), client, functions: [lapsing], pollMs: 50, leaseMs: 60_000 };
    const worker = startWorker(options);
    try {
      const { ids } = await client.send({ name: "test/lapsing", data: {} });
      const status = async () => (await db.jobRun.findFirst({ where: { eventId: ids[0] } }))?.status;
      await expect.poll(status, { timeout: 20_000, interval: 50 }).toBe("COMPLETED");
      expect(executions.get(`lapsing:${ids[0]}`)).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("never runs a step twice when two workers share the queue", async () => {
    const workers = [1, 2].map(() =>
      startWorker({ databaseUrl: databaseUrl(), client, functions, pollMs: 50, concurrency: 3 }),
    );
    try {
      const { ids } = await client.send(Array.from({ length: 12 }, () => ({ name: "test/fan-out", data: {} })));
      await expect
        .poll(() => db.jobRun.count({ where: { eventId: { in: ids }, status: "COMPLETED" } }), {
          timeout: 20_000,
          interval: 50,
        })
        .toBe(12);
      for (const id of ids)
        for (const name of ["first", "a", "b", "c"]) expect(executions.get(`${name}:${id}`)).toBe(1);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    // A cron tick seen by both workers started one run.
    expect(await runsOf("yearly")).toBe(1);
  });

  it("wakes on NOTIFY when an event arrives instead of waiting for its next poll", async () => {
    const worker = startWorker({ databaseUrl: databaseUrl(), client, functions, pollMs: 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // idle, listening
      const startedAt = Date.now();
      const [id] = (await client.send({ name: "test/fan-out", data: {} })).ids;
      await expect
        .poll(() => db.jobRun.findFirst({ where: { eventId: id } }).then((r) => r?.status), {
          timeout: 5_000,
          interval: 20,
        })
        .toBe("COMPLETED");
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      await worker.stop();
    }
  });

  it("fires each cron tick once, however many workers see it", async () => {
    const catalog = describeJobs([everyFive], client.id);
    const at = (time: string) => new Date(`2026-11-23T${time}Z`);
    await Promise.all([fireCronTicks(db, catalog, at("10:07:00")), fireCronTicks(db, catalog, at("10:07:00.500"))]);
    expect(await runsOf("every-five")).toBe(1);
    await fireCronTicks(db, catalog, at("10:09:59.999"));
    expect(await runsOf("every-five")).toBe(1);
    await Promise.all([fireCronTicks(db, catalog, at("10:10:00")), fireCronTicks(db, catalog, at("10:10:00"))]);
    expect(await runsOf("every-five")).toBe(2);
    await drainJobs({ db, client, functions: [everyFive] });
  });

  it("with what a worker remembers between ticks, fires a schedule's tick when it comes, not before and not twice", async () => {
    const catalog = describeJobs([everyFive], client.id);
    const at = (time: string) => new Date(`2026-11-24T${time}Z`);
    const seen: CronTicksSeen = new Map();
    const fired = [];
    for (const time of ["10:07:00", "10:07:30", "10:09:59.999", "10:10:00", "10:10:00.001", "10:14:59", "10:15:00"]) {
      fired.push(await fireCronTicks(db, catalog, at(time), seen));
    }
    expect(fired).toEqual([1, 0, 0, 1, 0, 0, 1]);
    expect([...seen.values()]).toEqual([{ tickAt: at("10:15:00").getTime(), nextAt: at("10:20:00").getTime() }]);
    await drainJobs({ db, client, functions: [everyFive] });
  });

  it("on stop, finishes and stores the step in progress, then hands the run to the next worker", async () => {
    const worker = startWorker({ databaseUrl: databaseUrl(), client, functions, pollMs: 50 });
    await client.send({ name: "test/slow", data: {} });
    await expect.poll(() => executions.get("slow:start") ?? 0, { timeout: 5_000, interval: 10 }).toBe(1);
    await worker.stop();
    const run = await db.jobRun.findFirstOrThrow({
      where: { functionId: "worker-test-slow" },
      include: { steps: true },
    });
    expect(run).toMatchObject({ status: "QUEUED", leaseOwner: null });
    expect(run.steps).toHaveLength(1);
    expect(executions.get("next")).toBeUndefined();

    await drainJobs({ db, client, functions });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "COMPLETED" });
    expect([executions.get("slow:start"), executions.get("slow:done"), executions.get("next")]).toEqual([1, 1, 1]);
  });

  it("resumes a run after its worker is killed, without redoing finished steps", async () => {
    const [eventId] = (await crashClient.send({ name: "test/crash", data: {} })).ids;
    const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/test-fixtures/crash-worker.ts"], {
      env: { ...process.env },
      stdio: "ignore",
    });
    const effects = async () =>
      Object.fromEntries(
        (
          await db.$queryRaw<
            { name: string; n: number }[]
          >`SELECT name, count(*)::int AS n FROM job_test_effects GROUP BY name`
        ).map((r) => [r.name, r.n]),
      );
    await expect.poll(async () => (await effects())["two-start"], { timeout: 20_000, interval: 50 }).toBe(1);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const worker = startWorker({
      databaseUrl: databaseUrl(),
      client: crashClient,
      functions: crashFunctions,
      leaseMs: 1000,
      pollMs: 100,
    });
    try {
      await expect
        .poll(() => db.jobRun.findFirst({ where: { eventId }, select: { status: true } }).then((r) => r?.status), {
          timeout: 20_000,
        })
        .toBe("COMPLETED");
    } finally {
      await worker.stop();
    }
    // Step one finished before the kill and is not repeated; step two was interrupted and ran again.
    expect(await effects()).toEqual({ one: 1, "two-start": 2, "two-done": 1, three: 1 });
  });
});
