import { startCollection } from "@/lib/requests/start-collection";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { inngest } from "../client";
import { requestApproved } from "@/lib/events/definitions";
import { collectSources, observedSteps, packageUnlessHeld, tracedRequestRun } from "./export-steps";

/** privacy/request.approved → collect every source → (review before release) → package → email the link. */
export const exportRequest = inngest.createFunction(
  { id: "export-request", retries: 3, triggers: [requestApproved] },
  async ({ event, step, runId }) =>
    tracedRequestRun("export-request", { runId, event }, async () => {
      const { requestId } = event.data;
      const steps = observedSteps(step, { runId, requestId });
      const started = (await steps.run("start-collection", () => startCollection(requestId))) as Awaited<
        ReturnType<typeof startCollection>
      >;
      if (started.skipped) return { status: "SKIPPED" as const, reason: started.skipped };
      const failed = await collectSources(steps, requestId, started.sourceKeys);
      if (failed.length > 0) return { status: RequestStatus.FAILED, failed };
      return packageUnlessHeld(steps, requestId);
    }),
);
