import type { PrismaClient } from "@/lib/db";
import type { EmailMessage, EmailSender } from "./types";

/** Embedded mode: mail is stored in the OutboxEmail table and read at /dev/outbox. */
export function createOutboxSender(client: PrismaClient, from: string): EmailSender {
  return {
    async send(message: EmailMessage) {
      if (message.idempotencyKey) {
        const { id } = await client.outboxEmail.upsert({
          where: { idempotencyKey: message.idempotencyKey },
          create: { ...message, from },
          update: {},
          select: { id: true },
        });
        return { id };
      }
      const { id } = await client.outboxEmail.create({ data: { ...message, from }, select: { id: true } });
      return { id };
    },
  };
}
