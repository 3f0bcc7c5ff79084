import { Resend } from "resend";
import { EmailDeliveryError, type EmailMessage, type EmailSender } from "./types";

export function createResendSender(options: { apiKey: string; from: string; baseUrl?: string }): EmailSender {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    async send(message: EmailMessage) {
      // Resend keeps idempotency keys for 24 hours: a retried step within that window sends once.
      const { data, error } = await resend.emails.send(
        { from: options.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
        message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
      );
      if (error || !data) {
        throw new EmailDeliveryError(`Resend refused the email to ${message.to}: ${error?.message ?? "no response"}`);
      }
      return { id: data.id };
    },
  };
}
