export type EmailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Sending twice with the same key delivers once (a retried workflow step, a double click). */
  idempotencyKey?: string;
};

export interface EmailSender {
  send(message: EmailMessage): Promise<{ id: string }>;
}

export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
}
