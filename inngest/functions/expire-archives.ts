import { cron } from "inngest";
import { expireMandates } from "@/lib/mandates/delete-mandates";
import { expireArchives } from "@/lib/requests/expire-archives";
import { inngest } from "../client";

/**
 * Every 15 minutes: archives past their download window are deleted (with their mandates), and
 * mandates of requests that ended without an archive once their retention ends; the rows stay as proof.
 */
export const expireArchivesCron = inngest.createFunction(
  { id: "expire-archives", retries: 3, triggers: [cron("*/15 * * * *")] },
  async ({ step }) => {
    const archives = await step.run("delete-expired-archives", () => expireArchives());
    const mandates = await step.run("delete-expired-mandates", () => expireMandates());
    return { ...archives, mandates: mandates.deleted };
  },
);
