import { reopenSource } from "@/lib/requests/fail-source";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { inngest } from "../client";
import { sourceRetryRequested } from "@/lib/events/definitions";
import { collectSources, observedSteps, packageUnlessHeld, tracedRequestRun } from "./export-steps";

/** privacy/source.retry → re-collect just that source → re-package → email the link. */
export const retrySource = inngest.createFunction(
  { id: "retry-source", retries: 3, triggers: [sourceRetryRequested] },
  async ({ event, step, runId }) =>
    tracedRequestRun("retry-source", { runId, event }, async () => {
      const { requestId, sourceKey } = event.data;
      const steps = observedSteps(step, { runId, requestId });
      const reopened = await steps.run(`reopen:${sourceKey}`, () => reopenSource(requestId, sourceKey));
      if (!reopened) return { status: "SKIPPED" as const, reason: "the source was not failed" };
      const failed = await collectSources(steps, requestId, [sourceKey]);
      if (failed.length > 0) return { status: RequestStatus.FAILED, failed };
      return packageUnlessHeld(steps, requestId);
    }),
);
