import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { nextRequestReference } from "@/lib/requests/reference";
import { loadDashboard, WEEKS, weekStart } from "./dashboard";
import type { Viewer } from "./session";

// The dashboard's figures, computed by PostgreSQL, against requests whose dates we choose.

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-25T12:00:00Z"); // a Wednesday
const thisWeek = weekStart(now);
const viewer: Viewer = { id: "x", email: "lead@example.com", name: null, role: "REVIEWER" };

async function request(options: {
  type?: RequestType;
  status: RequestStatus;
  submittedDaysAgo: number;
  dueInDays: number;
  completedDaysAgo?: number;
  extendedDueInDays?: number;
}) {
  const user = await db.user.upsert({
    where: { email: "dash@example.com" },
    create: { email: "dash@example.com" },
    update: {},
  });
  await db.$transaction(async (tx) =>
    tx.privacyRequest.create({
      data: {
        reference: await nextRequestReference(tx),
        userId: user.id,
        type: options.type ?? "ACCESS",
        formats: ["JSON"],
        status: options.status,
        submittedAt: new Date(now.getTime() - options.submittedDaysAgo * DAY),
        dueAt: new Date(now.getTime() + options.dueInDays * DAY),
        extendedDueAt:
          options.extendedDueInDays === undefined ? null : new Date(now.getTime() + options.extendedDueInDays * DAY),
        completedAt:
          options.completedDaysAgo === undefined ? null : new Date(now.getTime() - options.completedDaysAgo * DAY),
      },
    }),
  );
}

beforeAll(async () => {
  await request({ status: "READY", submittedDaysAgo: 10, dueInDays: 20, completedDaysAgo: 8 }); // 2 days, on time
  await request({ type: "PORTABILITY", status: "EXPIRED", submittedDaysAgo: 40, dueInDays: -10, completedDaysAgo: 4 }); // 36 days, late
  await request({ status: "READY", submittedDaysAgo: 40, dueInDays: -10, extendedDueInDays: 20, completedDaysAgo: 2 }); // 38 days, on time (extended)
  await request({ status: "IDENTITY_REVIEW", submittedDaysAgo: 1, dueInDays: 29 });
  await request({ status: "FAILED", submittedDaysAgo: 35, dueInDays: -5 }); // overdue
  await request({ status: "COLLECTING", submittedDaysAgo: 2, dueInDays: 28 });
  await request({ status: "REJECTED", submittedDaysAgo: 3, dueInDays: 27, completedDaysAgo: 2 });
  await request({ status: "READY", submittedDaysAgo: 400, dueInDays: -370, completedDaysAgo: 390 }); // outside the window
});

describe("the dashboard", () => {
  it("counts requests received per week by type over the last weeks", async () => {
    const figures = await loadDashboard(viewer, now);
    expect(figures.received).toHaveLength(WEEKS);
    expect(figures.received.at(-1)).toEqual({
      week: thisWeek.toISOString().slice(0, 10),
      byType: { ACCESS: 2, PORTABILITY: 0 },
    }); // Monday and Tuesday; Sunday is last week
    const total = (type: RequestType) => figures.received.reduce((sum, week) => sum + week.byType[type], 0);
    expect([total("ACCESS"), total("PORTABILITY")]).toEqual([6, 1]);
  });

  it("measures on-time delivery against the extended due date, and the median time to ready", async () => {
    const { totals } = await loadDashboard(viewer, now);
    expect(totals).toEqual({ delivered: 3, onTime: 2, onTimeRate: 2 / 3, medianDays: 36 });
  });

  it("shows open requests by status and by due week, overdue first", async () => {
    const figures = await loadDashboard(viewer, now);
    expect(figures.openByStatus.filter((row) => row.count > 0)).toEqual([
      { status: "IDENTITY_REVIEW", count: 1 },
      { status: "COLLECTING", count: 1 },
      { status: "FAILED", count: 1 },
    ]);
    expect(figures.openByDueWeek[0]).toEqual({ week: "overdue", count: 1 });
    expect(figures.openByDueWeek.slice(1).reduce((sum, row) => sum + row.count, 0)).toBe(2);
  });

  it("is for staff only", async () => {
    await expect(loadDashboard({ ...viewer, role: "CUSTOMER" })).rejects.toThrow(/staff/);
  });
});
