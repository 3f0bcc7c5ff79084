import { spawn } from "node:child_process";
import { Inngest, NonRetriableError } from "inngest";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { embeddedEventFetch } from "./event-inbox";
import { fireCronTicks } from "./run-queue";
import { crashClient, crashFunctions } from "./test-fixtures/crash-functions";
import { drainJobs, startWorker } from "./worker";

const client = new Inngest({ id: "jobs-test", isDev: true, fetch: embeddedEventFetch });
const executions = new Map<string, number>();
const count = (name: string) => executions.set(name, (executions.get(name) ?? 0) + 1);
let flaky = 0;

const parallel = client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ event, step }) => {
  const first = await step.run("first", () => (count(`first:${event.id}`), 1));
  const [a, b, c] = await Promise.all(["a", "b", "c"].map((name) => step.run(`fan:${name}`, () => (count(`${name}:${event.id}`), name))));
  return { first, joined: [a, b, c].join("") };
});

const retrying = client.createFunction({ id: "retrying", retries: 3, triggers: [{ event: "test/flaky" }] }, async ({ step }) => {
  const value = await step.run("flaky", () => {
    count("flaky");
    if (++flaky <= 2) throw new Error(`transient failure ${flaky}`);
    return "ok";
  });
  return { value };
});

const exhausted = client.createFunction({ id: "exhausted", retries: 1, triggers: [{ event: "test/broken" }] }, async ({ step }) => {
  try {
    await step.run("always-fails", () => {
      count("always-fails");
      throw new Error("the source is down");
    });
    return { caught: null };
  } catch (error) {
    return { caught: (error as Error).message };
  }
});

const fatal = client.createFunction({ id: "fatal", retries: 5, triggers: [{ event: "test/fatal" }] }, async ({ step }) => {
  await step.run("not-retried", () => {
    count("not-retried");
    throw new NonRetriableError("bad input");
  });
});

const scheduled = client.createFunction({ id: "scheduled", triggers: [{ cron: "*/5 * * * *" }] }, async () => ({ ticked: true }));

const functions = [parallel, retrying, exhausted, fatal, scheduled];
const drain = () => drainJobs({ db, client, functions, backoffMs: 5 });
const runOf = (functionId: string) => db.jobRun.findFirstOrThrow({ where: { functionId: `jobs-test-${functionId}` }, orderBy: { createdAt: "desc" } });

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE job_test_effects (id serial PRIMARY KEY, name text NOT NULL)`);
});

describe("embedded workflow runner", () => {
  it("runs sequential and parallel steps once each and stores the function's output", async () => {
    const [id] = (await client.send({ name: "test/parallel", data: {} })).ids;
    await drain();
    const run = await runOf("parallel");
    expect(run).toMatchObject({ status: "COMPLETED", output: { first: 1, joined: "abc" } });
    for (const name of ["first", "a", "b", "c"]) expect(executions.get(`${name}:${id}`)).toBe(1);
    expect(await db.jobStep.count({ where: { runId: run.id } })).toBe(4);
  });

  it("retries a failing step with backoff until it succeeds", async () => {
    await client.send({ name: "test/flaky", data: {} });
    await drain();
    expect(await runOf("retrying")).toMatchObject({ status: "COMPLETED", output: { value: "ok" } });
    expect(executions.get("flaky")).toBe(3);
  });

  it("hands a step's final failure to the function, which can handle it", async () => {
    await client.send({ name: "test/broken", data: {} });
    await drain();
    expect(await runOf("exhausted")).toMatchObject({ status: "COMPLETED", output: { caught: "the source is down" } });
    expect(executions.get("always-fails")).toBe(2);
  });

  it("does not retry a NonRetriableError, and fails the run with its message", async () => {
    await client.send({ name: "test/fatal", data: {} });
    await drain();
    expect(await runOf("fatal")).toMatchObject({ status: "FAILED", error: expect.stringContaining("bad input") });
    expect(executions.get("not-retried")).toBe(1);
  });

  it("starts one run for an event delivered twice", async () => {
    await client.send({ id: "delivered-twice", name: "test/parallel", data: {} });
    await client.send({ id: "delivered-twice", name: "test/parallel", data: {} });
    await drain();
    expect(await db.jobRun.count({ where: { eventId: "delivered-twice" } })).toBe(1);
    expect(executions.get("first:delivered-twice")).toBe(1);
  });

  it("fires a cron tick once even when two workers see it", async () => {
    const now = new Date("2026-11-23T10:07:00Z");
    await Promise.all([fireCronTicks(db, functions, client.id, now), fireCronTicks(db, functions, client.id, now)]);
    expect(await db.jobRun.count({ where: { functionId: "jobs-test-scheduled" } })).toBe(1);
    await fireCronTicks(db, functions, client.id, new Date("2026-11-23T10:09:59Z"));
    expect(await db.jobRun.count({ where: { functionId: "jobs-test-scheduled" } })).toBe(1);
    await fireCronTicks(db, functions, client.id, new Date("2026-11-23T10:10:00Z"));
    expect(await db.jobRun.count({ where: { functionId: "jobs-test-scheduled" } })).toBe(2);
    await drain();
  });

  it("never runs a step twice when two workers share the queue", async () => {
    const workers = [1, 2].map(() => startWorker({ db, databaseUrl: process.env.DATABASE_URL!, client, functions, pollMs: 50, backoffMs: 5 }));
    const ids = (await client.send(Array.from({ length: 12 }, () => ({ name: "test/parallel", data: {} })))).ids;
    await expect.poll(() => db.jobRun.count({ where: { eventId: { in: ids }, status: "COMPLETED" } }), { timeout: 30_000 }).toBe(12);
    await Promise.all(workers.map((w) => w.stop()));
    for (const id of ids) for (const name of ["first", "a", "b", "c"]) expect(executions.get(`${name}:${id}`)).toBe(1);
  });

  it("resumes a run after its worker is killed, without redoing finished steps", async () => {
    const [eventId] = (await crashClient.send({ name: "test/crash", data: {} })).ids;
    const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/test-fixtures/crash-worker.ts"], {
      env: { ...process.env },
      stdio: "ignore",
    });
    const effects = async () =>
      Object.fromEntries(
        (await db.$queryRaw<{ name: string; n: number }[]>`SELECT name, count(*)::int AS n FROM job_test_effects GROUP BY name`).map((r) => [r.name, r.n]),
      );
    await expect.poll(async () => (await effects())["two-start"], { timeout: 20_000, interval: 50 }).toBe(1);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const worker = startWorker({ db, databaseUrl: process.env.DATABASE_URL!, client: crashClient, functions: crashFunctions, leaseMs: 1000, pollMs: 100 });
    await expect
      .poll(() => db.jobRun.findFirst({ where: { eventId }, select: { status: true } }).then((r) => r?.status), { timeout: 20_000 })
      .toBe("COMPLETED");
    await worker.stop();
    // Step one finished before the kill and is not repeated; step two was interrupted and ran again.
    expect(await effects()).toEqual({ one: 1, "two-start": 2, "two-done": 1, three: 1 });
  });
});
