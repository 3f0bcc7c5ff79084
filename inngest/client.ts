import { Inngest } from "inngest";
import { embeddedEventFetch } from "@/lib/jobs/event-inbox";

/**
 * Production talks to Inngest (cloud, or a self-hosted server) as soon as one of its variables is
 * set. Otherwise the portal is in embedded mode: events are stored in PostgreSQL and the same
 * functions run in the embedded worker (lib/jobs, `npm run worker`).
 */
export const jobsMode: "inngest" | "embedded" =
  process.env.INNGEST_EVENT_KEY || process.env.INNGEST_BASE_URL || process.env.INNGEST_DEV ? "inngest" : "embedded";

export const inngest = new Inngest(
  jobsMode === "inngest" ? { id: "privacy-portal" } : { id: "privacy-portal", isDev: true, fetch: embeddedEventFetch },
);
