import pg from "pg";
import { env } from "@/lib/env";
import { logConnectionErrors } from "./availability";
import { logger } from "@/lib/observability/logger";

// Whether PostgreSQL answers right now. proxy.ts asks before every page renders: a render that
// fails on the database can only answer 500 (Next.js has no way for a page to say 503), so a page
// request made while the database is away is answered by the proxy instead.

/** A database that takes longer than this to answer a `SELECT 1` is, for a visitor, away. */
const PROBE_TIMEOUT_MS = 3_000;

export type DatabaseProbe = {
  /** True when the database answered; concurrent callers share the probe in flight. */
  answers(): Promise<boolean>;
  close(): Promise<void>;
};

export function createDatabaseProbe(
  connectionString: string,
  log: (line: string) => void = (line) => logger().warn(line),
): DatabaseProbe {
  // A pool of its own with one connection: the probe never queues behind the pages' queries, and
  // it costs one idle connection per server process (closed after ten idle seconds).
  const pool = logConnectionErrors(
    new pg.Pool({
      connectionString,
      max: 1,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    }),
    "db-probe",
    log,
  );
  let inFlight: Promise<boolean> | undefined;
  let answered = true;
  const ask = async () => {
    try {
      await pool.query("SELECT 1");
      if (!answered) log("[db-probe] the database answers again: pages render again");
      answered = true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (answered) log(`[db-probe] the database does not answer (${reason}): pages answer 503 until it does`);
      answered = false;
    }
    return answered;
  };
  return {
    answers() {
      inFlight ??= ask().finally(() => (inFlight = undefined));
      return inFlight;
    },
    close: () => pool.end(),
  };
}

const globalForProbe = globalThis as unknown as { portalDatabaseProbe?: DatabaseProbe };

/** The probe of the portal's database (DATABASE_URL), one per process; none without a database configured. */
export function portalDatabaseProbe(): DatabaseProbe | undefined {
  const url = env().DATABASE_URL;
  if (!url) return undefined;
  // On globalThis, like lib/db.ts's client, so that dev-mode reloads reuse one pool.
  globalForProbe.portalDatabaseProbe ??= createDatabaseProbe(url);
  return globalForProbe.portalDatabaseProbe;
}
