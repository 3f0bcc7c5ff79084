import { Inngest } from "inngest";
import { db } from "@/lib/db";
import { embeddedEventFetch } from "../event-inbox";

// A three-step function whose every step records a side effect, for the crash-recovery test:
// step "two" is slow enough to be killed in the middle of.

export const crashClient = new Inngest({ id: "crash-test", isDev: true, fetch: embeddedEventFetch });

const effect = (name: string) => db.$executeRaw`INSERT INTO job_test_effects (name) VALUES (${name})`;

export const crashFunctions = [
  crashClient.createFunction(
    { id: "three-steps", retries: 2, triggers: [{ event: "test/crash" }] },
    async ({ step }) => {
      await step.run("one", () => effect("one"));
      await step.run("two", async () => {
        await effect("two-start");
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await effect("two-done");
      });
      await step.run("three", () => effect("three"));
      return { done: true };
    },
  ),
];
