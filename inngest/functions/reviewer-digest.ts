import { cron } from "inngest";
import { digestDay, sendReviewerDigest } from "@/lib/requests/reviewer-digest";
import { inngest } from "../client";

/**
 * Every morning at 07:00 UTC: reviewers get the overdue requests and those due within 7 days.
 * The day comes from the tick itself, so two deploys firing the same tick send under one key.
 */
export const reviewerDigestCron = inngest.createFunction(
  { id: "reviewer-digest", retries: 3, triggers: [cron("0 7 * * *")] },
  async ({ event, step }) => {
    const day = digestDay(new Date(event.ts ?? Date.now()));
    return step.run("email-reviewer-digest", () => sendReviewerDigest(day));
  },
);
