import { cron, eventType, Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeJobs } from "./functions";

const client = new Inngest({ id: "catalog-test", isDev: true });
const approved = eventType("test/approved", { schema: z.object({ id: z.string() }) });

describe("the embedded runner's view of a function", () => {
  it("reads event names from typed and plain triggers, and cron schedules", () => {
    const fn = client.createFunction(
      { id: "both", retries: 2, triggers: [approved, { event: "test/plain" }, cron("0 * * * *")] },
      async () => null,
    );
    expect(describeJobs([fn], client.id).get("catalog-test-both")).toMatchObject({
      events: ["test/approved", "test/plain"],
      crons: ["0 * * * *"],
      maxAttempts: 3,
      ignoredOptions: [],
    });
  });

  it("gives a function without `retries` Inngest's default of four retries", () => {
    const fn = client.createFunction({ id: "default", triggers: [approved] }, async () => null);
    expect(describeJobs([fn], client.id).get("catalog-test-default")!.maxAttempts).toBe(5);
  });

  it("names the options only Inngest honours, so the worker can warn about them", () => {
    const fn = client.createFunction(
      { id: "flow", concurrency: { limit: 1 }, triggers: [{ event: "test/plain", if: "event.data.x == 1" }] },
      async () => null,
    );
    expect(describeJobs([fn], client.id).get("catalog-test-flow")!.ignoredOptions).toEqual([
      "concurrency",
      "triggers[].if",
    ]);
  });
});
