import { cron } from "inngest";
import { expireArchives } from "@/lib/requests/expire-archives";
import { inngest } from "../client";

/** Every 15 minutes: archives past their download window are deleted; the rows stay as proof. */
export const expireArchivesCron = inngest.createFunction(
  { id: "expire-archives", retries: 3, triggers: [cron("*/15 * * * *")] },
  async ({ step }) => step.run("delete-expired-archives", () => expireArchives()),
);
