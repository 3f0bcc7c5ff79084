import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export const JOBS_CHANNEL = "portal_jobs";

type IncomingEvent = { id?: string; name: string; data?: unknown };

/**
 * Embedded mode's event API: what `inngest.send()` and `step.sendEvent()` POST to Inngest is
 * stored here instead, and the worker is woken with NOTIFY. An event id sent twice is stored
 * once (Inngest deduplicates on id too).
 */
export async function recordEvents(events: IncomingEvent[]): Promise<string[]> {
  const ids = events.map((event) => event.id ?? randomUUID());
  await db.$transaction(async (tx) => {
    for (const [index, event] of events.entries()) {
      await tx.jobEvent.upsert({
        where: { id: ids[index]! },
        create: { id: ids[index]!, name: event.name, data: (event.data ?? {}) as object },
        update: {},
      });
    }
    await tx.$executeRawUnsafe(`NOTIFY ${JOBS_CHANNEL}`);
  });
  return ids;
}

/** A fetch for the Inngest client that answers its event API from recordEvents. */
export const embeddedEventFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  if (init?.method === "POST" && url.pathname.includes("/e/")) {
    const payload = JSON.parse(String(init.body)) as IncomingEvent | IncomingEvent[];
    const ids = await recordEvents(Array.isArray(payload) ? payload : [payload]);
    return Response.json({ ids, status: 200 });
  }
  return Response.json({ error: `The embedded runner does not serve ${url.pathname}` }, { status: 404 });
};
