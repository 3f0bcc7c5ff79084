import { randomUUID } from "node:crypto";
import { db as portalDb, type PrismaClient, type Tx } from "@/lib/db";

export const JOBS_CHANNEL = "portal_jobs";

type IncomingEvent = { id?: string; name: string; data?: unknown };

/**
 * Embedded mode's event API: what `inngest.send()` and `step.sendEvent()` would POST to Inngest
 * is stored here instead, and workers are woken with NOTIFY (delivered when the transaction
 * commits, so a woken worker finds the event). An event id sent twice is stored once: Inngest
 * deduplicates on the id too, so a retried send starts no second run.
 */
export async function recordEvents(events: IncomingEvent[], db: PrismaClient = portalDb): Promise<string[]> {
  return db.$transaction((tx) => insertJobEvents(tx, events));
}

/**
 * Stores events inside the caller's transaction: they exist exactly when its change commits. One
 * statement stores them and queues the NOTIFY (sent at commit, like the NOTIFY command): every
 * request creation and workflow transition makes this call, so it costs one round trip, not two.
 */
export async function insertJobEvents(tx: Tx, events: IncomingEvent[]): Promise<string[]> {
  const rows = events.map((event) => ({ id: event.id || randomUUID(), name: event.name, data: event.data ?? {} }));
  await tx.$executeRaw`
    WITH stored AS (
      INSERT INTO "JobEvent" (id, name, data, "receivedAt")
      SELECT e.id, e.name, e.data, ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS e(id text, name text, data jsonb)
      ON CONFLICT DO NOTHING
    )
    SELECT pg_notify(${JOBS_CHANNEL}, '')`;
  return rows.map((row) => row.id);
}

/**
 * A `fetch` for the Inngest client in embedded mode. The SDK sends events as
 * `POST <event base URL>/e/<event key>` with a JSON array body and expects `{ ids, status: 200 }`
 * back (components/Inngest.js `_send`, sendEventResponseSchema); that is answered from
 * recordEvents. Nothing else is served: embedded mode has no Inngest API.
 */
export const embeddedEventFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  const method = init?.method ?? (input instanceof Request ? input.method : "GET");
  if (method === "POST" && /\/e\/[^/]*$/.test(url.pathname)) {
    const body = init?.body ?? (input instanceof Request ? await input.text() : "[]");
    const payload = JSON.parse(String(body)) as IncomingEvent | IncomingEvent[];
    const ids = await recordEvents(Array.isArray(payload) ? payload : [payload]);
    return Response.json({ ids, status: 200 });
  }
  return Response.json(
    { error: `The embedded job runner has no Inngest API (${method} ${url.pathname}).` },
    { status: 404 },
  );
};
