import { jobsMode } from "../client";
import { auditCheckpointCron } from "./audit-checkpoint";
import { expireArchivesCron } from "./expire-archives";
import { exportRequest } from "./export-request";
import { notifyCustomer } from "./notify-customer";
import { pruneJobsCron } from "./prune-jobs";
import { releaseRequest } from "./release-request";
import { relayOutboxCron } from "./relay-outbox";
import { retrySource } from "./retry-source";
import { reviewerDigestCron } from "./reviewer-digest";

// Every workflow, served to Inngest at /api/inngest and run by the embedded worker otherwise.
// The outbox sweep only exists on Inngest: embedded, events are written to the worker's own
// table in the transaction that causes them, so nothing is left to relay.
export const functions = [
  exportRequest,
  retrySource,
  releaseRequest,
  notifyCustomer,
  expireArchivesCron,
  pruneJobsCron,
  reviewerDigestCron,
  auditCheckpointCron,
  ...(jobsMode === "inngest" ? [relayOutboxCron] : []),
];
