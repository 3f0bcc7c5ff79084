import { NonRetriableError } from "inngest";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { collectSource } from "@/lib/requests/collect-source";
import { failSource } from "@/lib/requests/fail-source";
import { sendDataReadyEmail, sendRequestDelayedEmail } from "@/lib/requests/notify-customer";
import { observeRequestStep, requestRunAttributes, type StepScope } from "@/lib/requests/observed-step";
import { tracedRun } from "@/lib/observability/workflow-trace";
import { packageArchive } from "@/lib/requests/package-archive";
import { holdForReleaseReview } from "@/lib/requests/release-review";
import { SourceRejectedError } from "@/lib/sources/source-errors";

// The parts of the export story both workflows tell: collect sources in parallel, then either
// report the failure or package the archive and email the link. Step names read like the
// lifecycle in DESIGN.md, so a run's history in Inngest reads as the request's story.

type Step = {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
};

/**
 * The steps of a run about one request, observed (lib/requests/observed-step.ts): each is a span
 * of the run's trace, and its log lines carry the request's reference.
 */
export function observedSteps(step: Step, scope: StepScope): Step {
  return { run: (id, fn) => step.run(id, () => observeRequestStep(scope, id, fn)) };
}

type RunContext = { runId: string; event: { ts?: number; data: { requestId: string } } };

/** A run about one request as one trace, its root span named after the function. */
export function tracedRequestRun<T>(functionId: string, run: RunContext, body: () => Promise<T>): Promise<T> {
  const { runId, event } = run;
  const attributes = () => requestRunAttributes(event.data.requestId);
  return tracedRun({ runId, functionId, startedAt: event.ts, attributes }, body);
}

/** Collects every source in parallel; a source that fails after its retries is marked FAILED. */
export async function collectSources(step: Step, requestId: string, sourceKeys: string[]): Promise<string[]> {
  const outcomes = await Promise.all(
    sourceKeys.map((sourceKey) =>
      step
        .run(`collect:${sourceKey}`, () => collectSource(requestId, sourceKey).catch(failFastWhenRejected))
        .then(
          () => null,
          (error: unknown) => ({ sourceKey, error }),
        ),
    ),
  );
  const failures = outcomes.filter((outcome) => outcome !== null);
  for (const { sourceKey, error } of failures) {
    await step.run(`mark-failed:${sourceKey}`, () => failSource(requestId, sourceKey, error));
  }
  if (failures.length > 0) await step.run("send-delayed-email", () => sendRequestDelayedEmail(requestId));
  return failures.map((failure) => failure.sourceKey);
}

/** A service that refused our credentials refuses them again: fail the source at once, no retries. */
function failFastWhenRejected(error: unknown): never {
  if (error instanceof SourceRejectedError) throw new NonRetriableError(error.message, { cause: error });
  throw error;
}

/** Packages the archive and emails the customer their link. */
export async function packageAndNotify(
  step: Step,
  requestId: string,
): Promise<{ status: typeof RequestStatus.READY; archiveId: string }> {
  const archive = (await step.run("package-archive", () => packageArchive(requestId))) as { archiveId: string };
  await step.run("send-ready-email", () => sendDataReadyEmail(requestId, archive.archiveId));
  return { status: RequestStatus.READY, archiveId: archive.archiveId };
}

/**
 * After collecting: a request whose free text holds other people's data waits for a reviewer
 * (Art. 15(4) GDPR; the release-request function packages it once every finding is decided); any
 * other request is packaged at once.
 */
export async function packageUnlessHeld(step: Step, requestId: string) {
  const hold = (await step.run("check-other-peoples-data", () => holdForReleaseReview(requestId))) as Awaited<
    ReturnType<typeof holdForReleaseReview>
  >;
  if (hold.held) return { status: RequestStatus.RELEASE_REVIEW, pending: hold.pending };
  return packageAndNotify(step, requestId);
}
