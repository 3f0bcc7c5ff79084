import { Gauge } from "prom-client";
import { latestAuditCheckpoint } from "@/lib/audit/checkpoint";
import { getBlobStore } from "@/lib/storage";

// How old the newest authentic audit checkpoint is (lib/audit/checkpoint.ts; the audit-checkpoint
// workflow writes one an hour). A chain rewritten after the newest checkpoint is only detectable
// back to it, so its age bounds what an insider could rewrite unnoticed. A newest checkpoint that
// fails its signature counts as none: +Inf, which fires the alert.

// The store is listed at most once a minute: on Vercel Blob a listing is paged API calls.
const CACHE_MS = 60_000;
let cached: { at: number; createdAt: Date | null } | undefined;

export const checkpointAge = new Gauge({
  name: "portal_audit_checkpoint_age_seconds",
  help: "Seconds since the newest authentic audit checkpoint was signed; +Inf when there is none.",
  registers: [],
  async collect() {
    const now = Date.now();
    if (!cached || now - cached.at > CACHE_MS)
      cached = { at: now, createdAt: await latestAuditCheckpoint(getBlobStore()) };
    this.set(cached.createdAt ? Math.max(0, (now - cached.createdAt.getTime()) / 1000) : Number.POSITIVE_INFINITY);
  },
});

/** For tests that write a checkpoint and scrape at once. */
export function forgetCheckpointAge(): void {
  cached = undefined;
}
