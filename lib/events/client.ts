import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { embeddedEventFetch } from "@/lib/jobs/event-inbox";
import { libraryLogger } from "@/lib/observability/logger";

// The one Inngest client, here in lib/ because the outbox (lib/events/outbox.ts) sends through it;
// inngest/client.ts re-exports it for the functions, the serve route and the worker.

/**
 * Where the workflows run. Setting any of these puts the portal on Inngest (cloud, or a
 * self-hosted server), which calls the functions at /api/inngest:
 * - INNGEST_EVENT_KEY: the key `inngest.send()` uses to send events to Inngest.
 * - INNGEST_SIGNING_KEY: lets /api/inngest verify that a call comes from Inngest (required in
 *   production; read by the SDK, it does not switch modes on its own).
 * - INNGEST_BASE_URL: a self-hosted Inngest server's address, for events and its API.
 * - INNGEST_DEV: `1` (or the dev server's URL) to work against the Inngest dev server.
 * With none of them the portal is in embedded mode: events are stored in PostgreSQL and the
 * embedded worker (lib/jobs, started by `npm run dev`, or `npm run worker`) runs the same functions.
 */
export const jobsMode = env().jobsMode;

// The SDK's own lines (a step's error, registration) go to the portal's JSON log, not the console.
const logger = libraryLogger({ module: "inngest" });

export const inngest = new Inngest(
  jobsMode === "inngest"
    ? { id: "privacy-portal", logger }
    : // Dev mode needs no keys and lets the worker call the serve handler unsigned, in-process
      // only (app/api/inngest answers 404 in this mode). The fetch takes the events in.
      { id: "privacy-portal", isDev: true, fetch: embeddedEventFetch, logger },
);
