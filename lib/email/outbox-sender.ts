import type { PrismaClient } from "@/lib/db";
import type { EmailMessage, EmailSender } from "./types";

/** Embedded mode: mail is stored in the OutboxEmail table and read at /dev/outbox. */
export function createOutboxSender(client: PrismaClient, from: string): EmailSender {
  return {
    async send(message: EmailMessage) {
      if (message.idempotencyKey) {
        // INSERT … ON CONFLICT DO NOTHING, then read: two senders racing on one key (two workers
        // sending the same digest) both succeed with the one stored email. An upsert raced to a
        // unique violation here.
        await client.outboxEmail.createMany({ data: [{ ...message, from }], skipDuplicates: true });
        const { id } = await client.outboxEmail.findUniqueOrThrow({
          where: { idempotencyKey: message.idempotencyKey },
          select: { id: true },
        });
        return { id };
      }
      const { id } = await client.outboxEmail.create({ data: { ...message, from }, select: { id: true } });
      return { id };
    },
  };
}
