import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOutboxSender } from "./outbox-sender";

describe("outbox sender", () => {
  it("keeps each email with its sender, and one copy per idempotency key", async () => {
    const sender = createOutboxSender(db, "privacy@streampay.example");
    const message = { to: "sam@example.com", subject: "Request received", html: "<p>Hi</p>", text: "Hi" };
    const first = await sender.send({ ...message, idempotencyKey: "received/req-9" });
    const again = await sender.send({ ...message, idempotencyKey: "received/req-9" });
    await sender.send(message);
    expect(again.id).toBe(first.id);
    const stored = await db.outboxEmail.findMany({ where: { to: "sam@example.com" } });
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({ from: "privacy@streampay.example", subject: "Request received", text: "Hi" });
  });
});
