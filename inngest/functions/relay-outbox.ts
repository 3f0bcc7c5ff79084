import { cron } from "inngest";
import { relayOutbox } from "@/lib/events/outbox";
import { inngest } from "../client";

/**
 * Every minute on Inngest: sends the outbox events that were not relayed right after their
 * transaction committed (a crash, or Inngest unreachable for a moment). Events younger than 30 s
 * are left to the request that wrote them.
 */
export const relayOutboxCron = inngest.createFunction(
  { id: "relay-outbox", retries: 3, triggers: [cron("* * * * *")] },
  async ({ step }) => step.run("relay-pending-events", () => relayOutbox({ olderThanMs: 30_000, limit: 500 })),
);
