import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { emailFailures } from "@/lib/metrics/emails";
import { createOutboxSender } from "./outbox-sender";
import { createResendSender } from "./resend-sender";
import type { EmailMessage, EmailSender } from "./types";

export type { EmailMessage, EmailSender } from "./types";

let sender: EmailSender | undefined;

/** Resend when RESEND_API_KEY is set, otherwise the outbox table. */
export function getEmailSender(): EmailSender {
  if (!sender) {
    const config = env();
    sender = config.RESEND_API_KEY
      ? createResendSender({ apiKey: config.RESEND_API_KEY, from: config.EMAIL_FROM, baseUrl: config.RESEND_BASE_URL })
      : createOutboxSender(db, config.EMAIL_FROM);
  }
  return sender;
}

export async function sendEmail(message: EmailMessage): Promise<{ id: string }> {
  try {
    return await getEmailSender().send(message);
  } catch (error) {
    // Counted where it happened (lib/metrics/emails.ts); the caller's retry decides what follows.
    emailFailures().inc();
    throw error;
  }
}
