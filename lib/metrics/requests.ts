import { Gauge } from "prom-client";
import { addDays } from "@/lib/compliance/days-left";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN, statusesIn } from "@/lib/requests/lifecycle";

// Open privacy requests and their legal deadline (Art. 12(3) GDPR: one month, extendable by two),
// read at scrape time. "Due" is the extended date when there is one, as the staff queue counts it
// (lib/dal/staff-queue.ts).

const DUE_SOON_DAYS = 7;
const DUE = Prisma.sql`COALESCE("extendedDueAt", "dueAt")`;

export const requestsOpen = new Gauge({
  name: "portal_requests_open",
  help: "Open privacy requests, by status.",
  labelNames: ["status"],
  registers: [],
  async collect() {
    const rows = await db.privacyRequest.groupBy({
      by: ["status"],
      where: { status: { in: statusesIn(OPEN) } },
      _count: { _all: true },
    });
    for (const status of OPEN) this.set({ status }, rows.find((row) => row.status === status)?._count._all ?? 0);
  },
});

async function deadlines(): Promise<{ overdue: number; dueSoon: number }> {
  const now = new Date();
  const [row] = await db.$queryRaw<{ overdue: number; dueSoon: number }[]>`
    SELECT count(*) FILTER (WHERE ${DUE} < ${now})::int AS overdue,
           count(*) FILTER (WHERE ${DUE} >= ${now} AND ${DUE} < ${addDays(now, DUE_SOON_DAYS)})::int AS "dueSoon"
    FROM "PrivacyRequest" WHERE "status" = ANY(${statusesIn(OPEN)}::"RequestStatus"[])`;
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}

export const requestsOverdue = new Gauge({
  name: "portal_requests_overdue",
  help: "Open privacy requests past their legal deadline (the extended one, if extended).",
  registers: [],
  async collect() {
    this.set((await deadlines()).overdue);
  },
});

export const requestsDueSoon = new Gauge({
  name: "portal_requests_due_within_7_days",
  help: "Open privacy requests whose legal deadline falls in the next 7 days.",
  registers: [],
  async collect() {
    this.set((await deadlines()).dueSoon);
  },
});
