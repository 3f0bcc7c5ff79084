import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { extendedDueDate } from "@/lib/compliance/legal-clock";
import { extendDeadlineSchema } from "@/lib/schemas/staff-requests";
import { createPendingRequest } from "@/test/factories";
import { extendDeadline } from "./extend-deadline";
import { sendDeadlineExtendedEmail } from "./notify-staff-decision";

// Art. 12(3) GDPR: one extension, of at most two further months, with a reason, announced to the
// customer within the first month.

let reviewer: { id: string; email: string };
const DAY = 864e5;

beforeAll(async () => {
  reviewer = await db.user.create({
    data: { email: "riley@example.com", role: "REVIEWER" },
    select: { id: true, email: true },
  });
});

const call = (requestId: string) => ({ actor: reviewer, requestId });
const stored = (id: string) =>
  db.privacyRequest.findUniqueOrThrow({
    where: { id },
    select: { extendedDueAt: true, extensionReason: true, dueAt: true },
  });

describe("extending a deadline", () => {
  it("moves the deadline from receipt plus one to plus three months, audits it and emails the customer the date and reason", async () => {
    const submittedAt = new Date("2026-11-10T09:00:00Z");
    const request = await createPendingRequest("extend@example.com", {
      submittedAt,
      dueAt: new Date(Date.now() + 10 * DAY),
    });
    expect(
      await extendDeadline(call(request.id), { months: 2, reason: "Your data sits in an archive we restore by hand" }),
    ).toEqual({ kind: "done" });
    expect(await stored(request.id)).toMatchObject({
      extendedDueAt: extendedDueDate(submittedAt, 2),
      extensionReason: "Your data sits in an archive we restore by hand",
    });
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "request.extended" } })).metadata,
    ).toMatchObject({ months: 2 });
    expect(await db.jobEvent.findUniqueOrThrow({ where: { id: `request-extended/${request.id}` } })).toMatchObject({
      data: { requestId: request.id, notice: "extended" },
    });
    await sendDeadlineExtendedEmail(request.id);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: "extend@example.com" } });
    expect(email.text).toContain("February 10, 2027");
    expect(email.text).toContain("Your data sits in an archive we restore by hand");
  });

  it("refuses a second extension", async () => {
    const request = await createPendingRequest("twice@example.com");
    expect(await extendDeadline(call(request.id), { months: 1, reason: "Many requests at once" })).toEqual({
      kind: "done",
    });
    const first = await stored(request.id);
    expect(await extendDeadline(call(request.id), { months: 1, reason: "Still busy" })).toMatchObject({
      kind: "refused",
      message: expect.stringMatching(/already extended/),
    });
    expect(await stored(request.id)).toEqual(first);
  });

  it("refuses once the original deadline has passed", async () => {
    const request = await createPendingRequest("late@example.com", {
      submittedAt: new Date(Date.now() - 40 * DAY),
      dueAt: new Date(Date.now() - DAY),
    });
    expect(await extendDeadline(call(request.id), { months: 1, reason: "We forgot" })).toMatchObject({
      kind: "refused",
      message: expect.stringMatching(/deadline has passed/),
    });
    expect((await stored(request.id)).extendedDueAt).toBeNull();
  });

  it("refuses more than two months, at the form and in the domain", async () => {
    const request = await createPendingRequest("greedy@example.com");
    expect(
      extendDeadlineSchema.safeParse({ requestId: request.id, months: "3", reason: "A long time please" }).success,
    ).toBe(false);
    expect(await extendDeadline(call(request.id), { months: 3, reason: "A long time please" })).toMatchObject({
      kind: "refused",
    });
    expect((await stored(request.id)).extendedDueAt).toBeNull();
  });

  it("of two reviewers extending at once, one extension lands", async () => {
    const request = await createPendingRequest("race@example.com");
    const other = await db.user.create({
      data: { email: "ada@example.com", role: "ADMIN" },
      select: { id: true, email: true },
    });
    const results = await Promise.all([
      extendDeadline(call(request.id), { months: 1, reason: "One month more" }),
      extendDeadline({ actor: other, requestId: request.id }, { months: 2, reason: "Two months more" }),
    ]);
    expect(results.filter((r) => r.kind === "done")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { requestId: request.id, action: "request.extended" } })).toBe(1);
  });
});
