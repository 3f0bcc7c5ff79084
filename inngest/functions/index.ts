import { auditCheckpointCron } from "./audit-checkpoint";
import { expireArchivesCron } from "./expire-archives";
import { exportRequest } from "./export-request";
import { retrySource } from "./retry-source";

// Every workflow, served to Inngest at /api/inngest and run by the embedded worker otherwise.
export const functions = [exportRequest, retrySource, expireArchivesCron, auditCheckpointCron];
