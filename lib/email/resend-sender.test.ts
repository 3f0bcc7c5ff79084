import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend } from "@/test/fakes/resend-server";
import { createResendSender } from "./resend-sender";
import { EmailDeliveryError } from "./types";

let resend: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  resend = await startFakeResend({ apiKey: "re_test_key" });
});
afterAll(() => resend.close());

const message = { to: "alex@example.com", subject: "Your data is ready", html: "<p>Ready</p>", text: "Ready" };

describe("Resend sender", () => {
  it("delivers the email with both parts from the configured sender", async () => {
    const sender = createResendSender({
      apiKey: "re_test_key",
      from: "Privacy <privacy@streampay.example>",
      baseUrl: resend.baseUrl,
    });
    const { id } = await sender.send(message);
    const received = resend.delivered.find((e) => e.id === id);
    expect(received?.body).toMatchObject({
      from: "Privacy <privacy@streampay.example>",
      to: "alex@example.com",
      subject: "Your data is ready",
      html: "<p>Ready</p>",
      text: "Ready",
    });
  });

  it("delivers once when a retried step sends with the same idempotency key", async () => {
    const sender = createResendSender({
      apiKey: "re_test_key",
      from: "privacy@streampay.example",
      baseUrl: resend.baseUrl,
    });
    const first = await sender.send({ ...message, idempotencyKey: "ready-email/req-1" });
    const second = await sender.send({ ...message, idempotencyKey: "ready-email/req-1" });
    expect(second.id).toBe(first.id);
    expect(resend.delivered.filter((e) => e.idempotencyKey === "ready-email/req-1")).toHaveLength(1);
  });

  it("turns a refusal into an error that says why", async () => {
    const sender = createResendSender({
      apiKey: "re_wrong",
      from: "privacy@streampay.example",
      baseUrl: resend.baseUrl,
    });
    await expect(sender.send(message)).rejects.toThrow(EmailDeliveryError);
    await expect(sender.send(message)).rejects.toThrow(/Missing API key/);
  });
});
