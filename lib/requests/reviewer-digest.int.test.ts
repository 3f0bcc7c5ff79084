import { beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/lib/events/client";
import { reviewerDigestCron } from "@/inngest/functions/reviewer-digest";
import { db } from "@/lib/db";
import { fireCronTicks } from "@/lib/jobs/cron";
import { drainJobs } from "@/lib/jobs/drain-jobs";
import { describeJobs } from "@/lib/jobs/functions";
import { createApprovedRequest, createPendingRequest } from "@/test/factories";
import { sendReviewerDigest } from "./reviewer-digest";

const DAY = 864e5;

beforeAll(async () => {
  await db.user.createMany({
    data: [
      { email: "riley@example.com", role: "REVIEWER" },
      { email: "ada@example.com", role: "ADMIN" },
    ],
  });
  await createPendingRequest("overdue@example.com", {
    submittedAt: new Date(Date.now() - 40 * DAY),
    dueAt: new Date(Date.now() - 2 * DAY),
  });
  await createPendingRequest("soon@example.com", { dueAt: new Date(Date.now() + 3 * DAY) });
  await createPendingRequest("later@example.com", { dueAt: new Date(Date.now() + 20 * DAY) });
  const done = await createApprovedRequest("done@example.com", { status: "READY" });
  await db.privacyRequest.update({ where: { id: done.id }, data: { dueAt: new Date(Date.now() - 5 * DAY) } });
});

describe("the reviewers' daily digest", () => {
  it("lists overdue and due-soon open requests, and goes out once per reviewer when two workers send it at once", async () => {
    const day = "2026-11-23";
    await Promise.all([sendReviewerDigest(day), sendReviewerDigest(day)]);
    await sendReviewerDigest(day); // a retried step, or a second deploy's schedule, later that day
    const emails = await db.outboxEmail.findMany({
      where: { idempotencyKey: { startsWith: `reviewer-digest/${day}/` } },
    });
    expect(emails.map((e) => e.to).sort()).toEqual(["ada@example.com", "riley@example.com"]);
    const [email] = emails;
    expect(email!.subject).toBe("Privacy requests: 1 overdue, 1 due within 7 days");
    expect(email!.text).toContain("/admin/requests/");
    await sendReviewerDigest("2026-11-24");
    expect(await db.outboxEmail.count({ where: { idempotencyKey: { startsWith: "reviewer-digest/" } } })).toBe(4);
  });

  it("runs from its daily schedule once per tick, even with two workers and a second deploy firing it", async () => {
    const catalog = describeJobs([reviewerDigestCron], inngest.id);
    const now = new Date("2026-11-25T07:00:30Z");
    await Promise.all([fireCronTicks(db, catalog, now), fireCronTicks(db, catalog, now)]);
    const runs = await db.jobRun.findMany({ where: { functionId: { endsWith: "reviewer-digest" } } });
    expect(runs.map((run) => run.eventId)).toEqual(["cron:privacy-portal-reviewer-digest:2026-11-25T07:00:00.000Z"]);
    // Another deployment of the portal, with its own scheduler, fires the same tick as a run of its own.
    await db.jobRun.create({
      data: { functionId: runs[0]!.functionId, eventId: "second-deploy-tick", event: runs[0]!.event as object },
    });
    const drain = () => drainJobs({ db, client: inngest, functions: [reviewerDigestCron], backoffMs: 5 }, 60_000);
    await Promise.all([drain(), drain()]);
    expect(await db.jobRun.count({ where: { functionId: runs[0]!.functionId, status: "COMPLETED" } })).toBe(2);
    const emails = await db.outboxEmail.findMany({
      where: { idempotencyKey: { startsWith: "reviewer-digest/2026-11-25/" } },
    });
    expect(emails.map((e) => e.to).sort()).toEqual(["ada@example.com", "riley@example.com"]);
  });
});
