import { randomUUID } from "node:crypto";
import { inngest, jobsMode } from "./client";
import { db, type Tx } from "@/lib/db";
import { insertJobEvents } from "@/lib/jobs/event-inbox";
import { logger } from "@/lib/observability/logger";

// The transactional outbox (DESIGN.md, "Request lifecycle"): whatever a change sets in motion (a
// workflow run, a customer email) is written as an event in the same transaction as the change,
// so a crash between commit and send loses nothing.
// - Embedded mode: the worker's own event table lives in this database, so the event is a JobEvent
//   row at once, and the worker is woken when the transaction commits.
// - Inngest mode: an OutboxEvent row, sent to Inngest after commit (relayOutbox) and, should that
//   fail, by the sweep (inngest/functions/relay-outbox.ts). Each event keeps its id across
//   re-sends, and Inngest starts one run per event id, so a second send starts nothing twice.

// The ids each open transaction has enqueued, so that its relay sends just those.
const enqueuedIn = new WeakMap<Tx, string[]>();

type SendableEvent = { name: string; data: Record<string, unknown>; id?: string; validate?: () => Promise<unknown> };

/** Writes events in the caller's transaction. Events made with an `eventType(...).create()` are validated first. */
export async function enqueueEvents(tx: Tx, events: SendableEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const event of events) await event.validate?.();
  const rows = events.map((event) => ({ id: event.id ?? randomUUID(), name: event.name, data: event.data as object }));
  if (jobsMode === "embedded") return void (await insertJobEvents(tx, rows));
  await tx.outboxEvent.createMany({ data: rows, skipDuplicates: true });
  enqueuedIn.set(tx, [...(enqueuedIn.get(tx) ?? []), ...rows.map((row) => row.id)]);
}

/**
 * Runs `work` in a transaction and relays the events it enqueued once it has committed. A relay
 * that fails is logged in one line and left to the sweep: the change itself stands.
 */
export async function withEventOutbox<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  let ids: string[] = [];
  const result = await db.$transaction(async (tx) => {
    const value = await work(tx);
    ids = enqueuedIn.get(tx) ?? [];
    return value;
  });
  if (ids.length > 0) {
    await relayOutbox({ ids }).catch((error: unknown) =>
      logger({ module: "outbox" }).warn({ err: error }, "event relay deferred to the sweep"),
    );
  }
  return result;
}

type Send = (events: { id: string; name: string; data: Record<string, unknown> }[]) => Promise<unknown>;

const sendToInngest: Send = (events) => inngest.send(events);

/**
 * Sends unsent events, oldest first, and marks them sent: `ids` (a committed transaction's own), or
 * every pending one older than `olderThanMs` (the sweep, leaving alone what a handler is relaying now).
 */
export async function relayOutbox(
  options: { send?: Send; olderThanMs?: number; limit?: number; ids?: string[] } = {},
): Promise<{ relayed: number }> {
  const { send = sendToInngest, olderThanMs = 0, limit = 100 } = options;
  const pending = await db.outboxEvent.findMany({
    where: {
      sentAt: null,
      ...(options.ids ? { id: { in: options.ids } } : { createdAt: { lte: new Date(Date.now() - olderThanMs) } }),
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, name: true, data: true },
  });
  if (pending.length === 0) return { relayed: 0 };
  const ids = pending.map((event) => event.id);
  try {
    await send(
      pending.map((event) => ({ id: event.id, name: event.name, data: event.data as Record<string, unknown> })),
    );
  } catch (error) {
    await db.outboxEvent.updateMany({
      where: { id: { in: ids } },
      data: { attempts: { increment: 1 }, lastError: String((error as Error).message).slice(0, 500) },
    });
    throw error;
  }
  await db.outboxEvent.updateMany({
    where: { id: { in: ids } },
    data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
  return { relayed: pending.length };
}
