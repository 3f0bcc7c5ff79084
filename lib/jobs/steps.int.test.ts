import { Inngest, NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { inngest as portalClient } from "@/lib/events/client";
import { db } from "@/lib/db";
import { drainJobs } from "./drain-jobs";
import { embeddedEventFetch } from "./event-inbox";
import { startWorker } from "./worker";

// Step semantics of the embedded runner, with toy functions: what a function author relies on
// when the same definitions run on Inngest.

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const client = new Inngest({ id: "steps-test", isDev: true, fetch: embeddedEventFetch, logger: quiet });
const executions = new Map<string, number[]>();
const execute = (name: string) => executions.set(name, [...(executions.get(name) ?? []), Date.now()]);
const count = (name: string) => executions.get(name)?.length ?? 0;
let flakyFailures = 2;
let bodyFailures = 1;

const fanOut = client.createFunction(
  { id: "fan-out", triggers: [{ event: "test/fan-out" }] },
  async ({ event, step }) => {
    const first = await step.run("first", () => (execute(`first:${event.id}`), 1));
    const letters = await Promise.all(
      ["a", "b", "c"].map((name) => step.run(`collect:${name}`, () => (execute(`${name}:${event.id}`), name))),
    );
    const last = await step.run("last", () => (execute(`last:${event.id}`), letters.join("")));
    return { first, last };
  },
);

const flaky = client.createFunction(
  { id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] },
  async ({ step }) => {
    const value = await step.run("flaky", () => {
      execute("flaky");
      if (flakyFailures-- > 0) throw new Error("the source timed out");
      return "ok";
    });
    return { value };
  },
);

const exhausted = client.createFunction(
  { id: "exhausted", retries: 1, triggers: [{ event: "test/exhausted" }] },
  async ({ step }) => {
    try {
      await step.run("always-fails", () => {
        execute("always-fails");
        throw new TypeError("the source is down");
      });
      return { caught: null };
    } catch (error) {
      return { caught: `${(error as Error).name}: ${(error as Error).message}` };
    }
  },
);

const fatal = client.createFunction(
  { id: "fatal", retries: 5, triggers: [{ event: "test/fatal" }] },
  async ({ step }) => {
    await step.run("bad-input", () => {
      execute("bad-input");
      throw new NonRetriableError("bad input");
    });
  },
);

const shakyBody = client.createFunction(
  { id: "shaky-body", retries: 2, triggers: [{ event: "test/shaky-body" }] },
  async ({ step }) => {
    const loaded = await step.run("load", () => (execute("load"), "loaded"));
    execute("body");
    if (bodyFailures-- > 0) throw new Error("the body failed between steps");
    return { loaded };
  },
);

const napper = client.createFunction({ id: "napper", triggers: [{ event: "test/nap" }] }, async ({ step }) => {
  await step.run("before", () => execute("before"));
  await step.sleep("nap", "1s");
  await step.run("after", () => execute("after"));
  return { slept: true };
});

const announcer = client.createFunction(
  { id: "announcer", triggers: [{ event: "test/announce" }] },
  async ({ event, step }) => {
    const sent = await step.sendEvent("announce", { name: "test/announced", data: { from: event.id } });
    return { ids: sent.ids };
  },
);

const listener = client.createFunction(
  { id: "listener", triggers: [{ event: "test/announced" }] },
  async ({ event }) => ({
    heardFrom: (event.data as { from: string }).from,
  }),
);

// Defined on the portal's own client: what app code sends through it must reach the runner.
const appFunction = portalClient.createFunction(
  { id: "steps-test-app", triggers: [{ event: "test/from-app" }] },
  async ({ event }) => ({
    got: (event.data as { hello: string }).hello,
  }),
);

const functions = [fanOut, flaky, exhausted, fatal, shakyBody, napper, announcer, listener];
const drain = () => drainJobs({ db, client, functions, backoffMs: 50 });
const runOf = (functionId: string) =>
  db.jobRun.findFirstOrThrow({ where: { functionId: `steps-test-${functionId}` }, orderBy: { createdAt: "desc" } });

describe("embedded runner: steps", () => {
  it("runs sequential and parallel steps once each, in order, and stores the function's output", async () => {
    const [id] = (await client.send({ name: "test/fan-out", data: {} })).ids;
    await drain();
    const run = await runOf("fan-out");
    expect(run).toMatchObject({ status: "COMPLETED", output: { first: 1, last: "abc" } });
    for (const name of ["first", "a", "b", "c", "last"]) expect(count(`${name}:${id}`)).toBe(1);
    const lastStarted = executions.get(`last:${id}`)![0]!;
    for (const name of ["a", "b", "c"]) expect(executions.get(`${name}:${id}`)![0]!).toBeLessThanOrEqual(lastStarted);
    expect(await db.jobStep.count({ where: { runId: run.id } })).toBe(5);
  });

  it("retries a failing step with growing backoff until it succeeds", async () => {
    await client.send({ name: "test/flaky", data: {} });
    await drain();
    expect(await runOf("flaky")).toMatchObject({ status: "COMPLETED", output: { value: "ok" } });
    const [first, second, third] = executions.get("flaky")!;
    expect(count("flaky")).toBe(3);
    expect(second! - first!).toBeGreaterThanOrEqual(50);
    expect(third! - second!).toBeGreaterThanOrEqual(100);
  });

  it("hands a step's final failure to the function's try/catch after its retries", async () => {
    await client.send({ name: "test/exhausted", data: {} });
    await drain();
    expect(await runOf("exhausted")).toMatchObject({
      status: "COMPLETED",
      output: { caught: "TypeError: the source is down" },
    });
    expect(count("always-fails")).toBe(2);
  });

  it("does not retry a NonRetriableError, and fails the run with its message", async () => {
    await client.send({ name: "test/fatal", data: {} });
    await drain();
    const run = await runOf("fatal");
    expect(run).toMatchObject({ status: "FAILED", error: expect.stringContaining("bad input"), attempts: {} });
    expect(count("bad-input")).toBe(1);
  });

  it("retries a function body that throws between steps without repeating the finished step", async () => {
    await client.send({ name: "test/shaky-body", data: {} });
    await drain();
    expect(await runOf("shaky-body")).toMatchObject({ status: "COMPLETED", output: { loaded: "loaded" } });
    expect(count("load")).toBe(1);
    expect(count("body")).toBe(2);
  });

  it("parks a sleeping run without holding a worker, and resumes it when the sleep ends", async () => {
    const worker = startWorker({ databaseUrl: process.env.DATABASE_URL!, db, client, functions, pollMs: 50 });
    try {
      await client.send({ name: "test/nap", data: {} });
      await expect.poll(() => count("before"), { timeout: 5_000, interval: 20 }).toBe(1);
      await expect.poll(() => runOf("napper").then((r) => r.leaseOwner), { timeout: 2_000, interval: 20 }).toBeNull();
      const parked = await runOf("napper");
      expect(parked.status).toBe("QUEUED");
      expect(parked.runAfter.getTime()).toBeGreaterThan(Date.now());
      await expect
        .poll(() => runOf("napper").then((r) => r.status), { timeout: 5_000, interval: 50 })
        .toBe("COMPLETED");
    } finally {
      await worker.stop();
    }
    expect(count("after")).toBe(1);
    expect(executions.get("after")![0]! - executions.get("before")![0]!).toBeGreaterThanOrEqual(1000);
  });

  it("delivers step.sendEvent to the functions it triggers", async () => {
    const [id] = (await client.send({ name: "test/announce", data: {} })).ids;
    await drain();
    const sent = await runOf("announcer");
    expect(sent.status).toBe("COMPLETED");
    expect(await runOf("listener")).toMatchObject({ status: "COMPLETED", output: { heardFrom: id } });
    const [sentId] = (sent.output as { ids: string[] }).ids;
    expect(await db.jobEvent.findUnique({ where: { id: sentId } })).toMatchObject({ name: "test/announced" });
  });

  it("takes inngest.send from app code into PostgreSQL and runs what it triggers", async () => {
    const { ids } = await portalClient.send({ name: "test/from-app", data: { hello: "world" } });
    expect(await db.jobEvent.findUnique({ where: { id: ids[0] } })).toMatchObject({
      name: "test/from-app",
      data: { hello: "world" },
    });
    await drainJobs({ db, client: portalClient, functions: [appFunction] });
    expect(await db.jobRun.findFirst({ where: { eventId: ids[0] } })).toMatchObject({
      functionId: "privacy-portal-steps-test-app",
      status: "COMPLETED",
      output: { got: "world" },
    });
  });
});
