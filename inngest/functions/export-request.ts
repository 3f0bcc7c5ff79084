import { startCollection } from "@/lib/requests/start-collection";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { inngest } from "../client";
import { requestApproved } from "@/lib/events/definitions";
import { collectSources, packageUnlessHeld } from "./export-steps";

/** privacy/request.approved → collect every source → (review before release) → package → email the link. */
export const exportRequest = inngest.createFunction(
  { id: "export-request", retries: 3, triggers: [requestApproved] },
  async ({ event, step }) => {
    const { requestId } = event.data;
    const { sourceKeys, skipped } = await step.run("start-collection", () => startCollection(requestId));
    if (skipped) return { status: "SKIPPED" as const, reason: skipped };
    const failed = await collectSources(step, requestId, sourceKeys);
    if (failed.length > 0) return { status: RequestStatus.FAILED, failed };
    return packageUnlessHeld(step, requestId);
  },
);
