import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dueDate } from "@/lib/compliance/legal-clock";
import { inngest } from "@/lib/events/client";
import { functions } from "@/inngest/functions";
import { db } from "@/lib/db";
import { drainJobs } from "@/lib/jobs/worker";
import { reloadEnv } from "@/lib/env";
import { seedDemoCompany } from "@/prisma/demo-company";
import { startLogCapture } from "@/test/log-capture";
import { createPrivacyRequest, RequestRefusedError } from "./create-privacy-request";

const input = {
  type: "ACCESS" as const,
  sourceKeys: [],
  formats: ["JSON" as const, "CSV" as const],
  rangeTo: undefined,
};
const user = (email: string) => db.user.upsert({ where: { email }, create: { email }, update: {} });

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!);
});
beforeEach(() => {
  process.env.IDENTITY_AUTO_APPROVE = "false";
  reloadEnv();
});

describe("submitting a privacy request", () => {
  it("records the request with a reference, the legal due date, a pending identity check, an audit event and a receipt email", async () => {
    const sam = await user("sam@example.com");
    const logs = startLogCapture();
    const context = { ip: "198.51.100.4", userAgent: "test" };
    const created = await createPrivacyRequest(sam, input, context).finally(() => logs.stop());
    // Operators can follow it by reference from here on; the address stays out of the log.
    const submitted = { msg: "privacy request submitted", reference: created.reference, privacyRequestId: created.id };
    expect(logs.entries()).toEqual([expect.objectContaining(submitted)]);
    expect(logs.raw().join("\n")).not.toContain("sam@example.com");
    const stored = await db.privacyRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { identityCheck: true, auditEvents: true },
    });
    expect(stored.reference).toMatch(/^DSR-\d{4}-\d{6}$/);
    expect(stored.dueAt).toEqual(dueDate(stored.submittedAt)); // the legal clock's own cases: legal-clock.test.ts
    expect(stored.status).toBe("IDENTITY_REVIEW");
    expect(stored.identityCheck).toMatchObject({ method: "EMAIL_REVIEW", status: "PENDING" });
    expect(stored.auditEvents.map((e) => e.action)).toEqual(["request.submitted"]);
    expect(stored.auditEvents[0]).toMatchObject({ actorId: sam.id, ip: "198.51.100.4" });
    // The receipt is written with the request (the outbox) and sent by the notify-customer workflow.
    expect(
      await db.jobEvent.count({
        where: { name: "privacy/customer.notice", data: { equals: { requestId: created.id, notice: "received" } } },
      }),
    ).toBe(1);
    await drainJobs({ db, client: inngest, functions });
    const receipt = await db.outboxEmail.findFirstOrThrow({
      where: { to: "sam@example.com", subject: { contains: stored.reference } },
    });
    expect(receipt.text).toContain(stored.reference);
  });

  it("remembers the language the customer asked in, and sends the receipt in it", async () => {
    const customer = await user("deutsch@example.com");
    const created = await createPrivacyRequest(customer, input, {}, "de");
    const stored = await db.privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.locale).toBe("de");
    await drainJobs({ db, client: inngest, functions });
    const receipt = await db.outboxEmail.findFirstOrThrow({ where: { to: "deutsch@example.com" } });
    expect(receipt.subject).toBe(`Wir haben Ihre Datenschutzanfrage ${stored.reference} erhalten`);
    expect(receipt.text).toContain("Ihre Anfrage nach einer Kopie Ihrer Daten hat das Aktenzeichen");
  });

  it("refuses a second request while one is open, and creates nothing", async () => {
    const jordan = await user("jordan@example.com");
    await createPrivacyRequest(jordan, input);
    await expect(createPrivacyRequest(jordan, input)).rejects.toMatchObject({ code: "open_request_exists" });
    expect(await db.privacyRequest.count({ where: { userId: jordan.id } })).toBe(1);
  });

  it("allows one at a time even when two submissions race", async () => {
    const racer = await user("racer@example.com");
    const results = await Promise.allSettled([createPrivacyRequest(racer, input), createPrivacyRequest(racer, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(RequestRefusedError) });
  });

  it("caps requests per day", async () => {
    const busy = await user("busy@example.com");
    for (let i = 0; i < 3; i++) {
      const { id } = await createPrivacyRequest(busy, input);
      await db.privacyRequest.update({ where: { id }, data: { status: "CANCELLED" } });
    }
    await expect(createPrivacyRequest(busy, input)).rejects.toMatchObject({ code: "daily_limit_reached" });
  });

  it("with the auto-approve policy, approves an exact match and links the data subject", async () => {
    process.env.IDENTITY_AUTO_APPROVE = "true";
    reloadEnv();
    const casey = await user("casey@example.com");
    const created = await createPrivacyRequest(casey, input);
    const stored = await db.privacyRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { identityCheck: true },
    });
    expect(stored).toMatchObject({ status: "APPROVED", subjectId: "cus_000004" });
    expect(stored.identityCheck).toMatchObject({ method: "EMAIL_AUTO_MATCH", status: "APPROVED" });
    expect(await db.jobEvent.count({ where: { name: "privacy/request.approved" } })).toBe(1);

    const stranger = await user("nobody-here@example.com");
    const pending = await createPrivacyRequest(stranger, input);
    expect(pending.status).toBe("IDENTITY_REVIEW");
  });
});
