import { requestReleased } from "@/lib/events/definitions";
import { redactStagedSources } from "@/lib/requests/redact-sources";
import { inngest } from "../client";
import { observedSteps, packageAndNotify, tracedRequestRun } from "./export-steps";

/**
 * privacy/request.released (a reviewer decided every finding, Art. 15(4) GDPR) → restage the
 * sources with redactions → package → email the link.
 */
export const releaseRequest = inngest.createFunction(
  { id: "release-request", retries: 3, triggers: [requestReleased] },
  async ({ event, step, runId }) =>
    tracedRequestRun("release-request", { runId, event }, async () => {
      const { requestId } = event.data;
      const steps = observedSteps(step, { runId, requestId });
      await steps.run("redact-other-peoples-data", () => redactStagedSources(requestId));
      return packageAndNotify(steps, requestId);
    }),
);
