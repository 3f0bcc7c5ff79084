import { afterAll, describe, expect, it } from "vitest";
import { sendEmail } from "@/lib/email";
import { reloadEnv } from "@/lib/env";
import { startFakeResend } from "@/test/fakes/resend-server";
import { renderMetrics } from "./registry";

// An email Resend refuses is counted in the sending process's portal_email_send_failures_total;
// one it accepts is not. Resend is the local fake, which refuses a wrong API key as the real one does.

const resend = await startFakeResend({ apiKey: "re_right_key" });
process.env.RESEND_API_KEY = "re_wrong_key";
process.env.RESEND_BASE_URL = resend.baseUrl;
reloadEnv();

afterAll(async () => {
  await resend.close();
});

const failures = async () => Number(/^portal_email_send_failures_total (\S+)$/m.exec(await renderMetrics())?.[1]);

describe("email failures", () => {
  it("counts a send the provider refused", async () => {
    expect(await failures()).toBe(0);
    const message = { to: "alex@example.com", subject: "Hello", html: "<p>Hello</p>", text: "Hello" };
    await expect(sendEmail(message)).rejects.toThrow(/Resend refused/);
    await expect(sendEmail(message)).rejects.toThrow(/Resend refused/);
    expect(await failures()).toBe(2);
  });
});
