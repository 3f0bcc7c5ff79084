import { describe, expect, it } from "vitest";
import { customerNoticeRequested } from "@/lib/events/definitions";
import { db } from "@/lib/db";
import { enqueueEvents, relayOutbox } from "./outbox";

const requestId = "5b0c3a4e-8f0e-4c4b-9d64-1f3a2b9c7d10";

describe("event outbox", () => {
  it("keeps an event only when the transaction that wrote it commits", async () => {
    const event = customerNoticeRequested.create({ requestId, notice: "received" }, { id: "outbox-rollback" });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvents(tx, [event]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.jobEvent.count({ where: { id: "outbox-rollback" } })).toBe(0);

    await db.$transaction((tx) =>
      enqueueEvents(tx, [customerNoticeRequested.create({ requestId, notice: "received" }, { id: "outbox-commit" })]),
    );
    expect(await db.jobEvent.findUniqueOrThrow({ where: { id: "outbox-commit" } })).toMatchObject({
      name: "privacy/customer.notice",
      data: { requestId },
    });
  });

  it("refuses an event whose data does not match its schema, and writes nothing", async () => {
    const bad = customerNoticeRequested.create(
      { requestId: "not-a-uuid", notice: "received" },
      { id: "outbox-invalid" },
    );
    await expect(db.$transaction((tx) => enqueueEvents(tx, [bad]))).rejects.toThrow();
    expect(await db.jobEvent.count({ where: { id: "outbox-invalid" } })).toBe(0);
  });

  it("relays to Inngest after a failed send, with the same event ids, and marks them sent", async () => {
    await db.outboxEvent.createMany({
      data: [
        { id: "relay-1", name: "privacy/request.approved", data: { requestId } },
        { id: "relay-2", name: "privacy/customer.notice", data: { requestId, notice: "received" } },
      ],
    });
    const sent: string[][] = [];
    const failingOnce = async (events: { id: string }[]) => {
      sent.push(events.map((event) => event.id));
      if (sent.length === 1) throw new Error("Inngest is unreachable");
    };
    await expect(relayOutbox({ send: failingOnce })).rejects.toThrow("unreachable");
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: "relay-1" } })).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: "Inngest is unreachable",
    });

    expect(await relayOutbox({ send: failingOnce })).toEqual({ relayed: 2 });
    expect(sent).toEqual([
      ["relay-1", "relay-2"],
      ["relay-1", "relay-2"],
    ]);
    expect(await db.outboxEvent.count({ where: { sentAt: null } })).toBe(0);
    expect(await relayOutbox({ send: failingOnce })).toEqual({ relayed: 0 });
  });

  it("leaves young events to the request that wrote them when sweeping", async () => {
    await db.outboxEvent.create({ data: { id: "relay-young", name: "privacy/request.approved", data: { requestId } } });
    const sent: string[] = [];
    await relayOutbox({ olderThanMs: 60_000, send: async (events) => void sent.push(...events.map((e) => e.id)) });
    expect(sent).not.toContain("relay-young");
  });

  it("relays just the events a committed transaction wrote when given their ids", async () => {
    await db.outboxEvent.createMany({
      data: [
        { id: "mine", name: "privacy/request.approved", data: { requestId } },
        { id: "someone-elses", name: "privacy/request.approved", data: { requestId } },
      ],
    });
    const sent: string[] = [];
    await relayOutbox({ ids: ["mine"], send: async (events) => void sent.push(...events.map((e) => e.id)) });
    expect(sent).toEqual(["mine"]);
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: "someone-elses" } })).toMatchObject({ sentAt: null });
  });
});
