// `npm run worker`: the embedded workflow worker, for a self-hosted portal without Inngest
// (`npm run dev` starts it for you). It runs the same functions Inngest would run.
import "dotenv/config";
import os from "node:os";
import { inngest, jobsMode } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";
import { logger, nameLogProcess } from "@/lib/observability/logger";
import { routeConsoleToLogger } from "@/lib/observability/console";
import { startTracing } from "@/lib/observability/tracing";

nameLogProcess("worker");
const workerLog = logger();

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  workerLog.fatal(
    "DATABASE_URL is not set. Start everything with `npm run dev`, or set DATABASE_URL for a standalone worker.",
  );
  process.exit(1);
}
if (jobsMode === "inngest") {
  workerLog.fatal(
    "Inngest is configured (INNGEST_*): it runs the functions at /api/inngest, so no embedded worker is needed.",
  );
  process.exit(1);
}

const log = (line: string) => workerLog.info(line);

// The Inngest SDK copies process.env (helpers/env.js getProcessEnv) several times for each call of
// a function, and Node's process.env reads each variable from the C environment on every access:
// that was 8 % of the worker's CPU under a burst. The worker changes no variable once started, so
// it reads them from a plain copy.
process.env = { ...process.env };

// Beside Next.js on one machine (`npm start`), the pages and the API come first and the workflows
// take the CPU they leave: under a burst of exports the requests that start them still answer.
// Alone on a machine this changes nothing. Lowering one's own priority needs no privilege.
try {
  os.setPriority(Math.min(19, os.getPriority() + 10));
} catch {
  // a platform without priorities
}

const config = env();
// The same OpenTelemetry setup as Next.js's instrumentation.ts: in embedded mode the exports run here.
const tracing = startTracing(config, "worker");
// A library's console line is a JSON one like ours where logs are JSON (lib/observability/console.ts).
if (config.logFormat === "json") routeConsoleToLogger();
const worker = startWorker({
  db,
  databaseUrl,
  client: inngest,
  functions,
  log,
  leaseMs: config.JOB_LEASE_SECONDS * 1000,
  concurrency: config.JOB_CONCURRENCY,
});
log(`running ${functions.length} functions, ${config.JOB_CONCURRENCY} steps at a time`);

// Ctrl-C in `npm run dev` reaches the worker twice (SIGINT from the terminal, SIGTERM from the
// launcher): stop once. Steps in progress finish and are stored; their runs go back to the queue.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log("stopping: finishing the steps in progress…");
    await worker.stop();
    await tracing?.shutdown();
    await db.$disconnect();
    process.exit(0);
  });
}
