import "server-only";
import { STAFF_REQUEST_TYPES } from "@/lib/requests/request-type";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { DELIVERED, OPEN, statusesIn } from "@/lib/requests/lifecycle";
import { isStaff } from "@/lib/auth/roles";
import type { Viewer } from "./session";

// The team's dashboard. Every figure is aggregated by PostgreSQL over a bounded window (the last
// WEEKS weeks, or the open requests) and returns at most a few dozen rows, whatever the size of
// the request table.

export const WEEKS = 12;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const DELIVERED_STATUSES = statusesIn(DELIVERED);
const OPEN_STATUSES = statusesIn(OPEN);
const REQUEST_TYPE_KEYS = Object.keys(STAFF_REQUEST_TYPES) as RequestType[];

/** Monday 00:00 UTC of the week `date` falls in (PostgreSQL's date_trunc('week') agrees). */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 24 * 60 * 60 * 1000);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export type WeeklyVolume = { week: string; byType: Record<RequestType, number> };
export type WeeklyDelivery = { week: string; onTime: number; late: number; medianDays: number | null };
export type DashboardFigures = {
  since: string;
  received: WeeklyVolume[];
  delivered: WeeklyDelivery[];
  totals: { delivered: number; onTime: number; onTimeRate: number | null; medianDays: number | null };
  openByStatus: { status: RequestStatus; count: number }[];
  openByDueWeek: { week: string | "overdue"; count: number }[];
};

/** The five aggregates behind the figures, each one query, run side by side. */
function queryFigures(since: Date, now: Date) {
  return Promise.all([
    db.$queryRaw<{ week: string; type: RequestType; count: number }[]>`
      SELECT to_char(date_trunc('week', "submittedAt"), 'YYYY-MM-DD') AS week, "type"::text AS type,
             count(*)::int AS count
      FROM "PrivacyRequest" WHERE "submittedAt" >= ${since}
      GROUP BY 1, 2`,
    db.$queryRaw<{ week: string; onTime: number; late: number; medianSeconds: number | null }[]>`
      SELECT to_char(date_trunc('week', "completedAt"), 'YYYY-MM-DD') AS week,
             count(*) FILTER (WHERE "completedAt" <= coalesce("extendedDueAt", "dueAt"))::int AS "onTime",
             count(*) FILTER (WHERE "completedAt" > coalesce("extendedDueAt", "dueAt"))::int AS late,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "completedAt" - "submittedAt"))::float8
               AS "medianSeconds"
      FROM "PrivacyRequest" WHERE "status"::text IN (${Prisma.join(DELIVERED_STATUSES)}) AND "completedAt" >= ${since}
      GROUP BY 1`,
    db.$queryRaw<{ delivered: number; onTime: number; medianSeconds: number | null }[]>`
      SELECT count(*)::int AS delivered,
             count(*) FILTER (WHERE "completedAt" <= coalesce("extendedDueAt", "dueAt"))::int AS "onTime",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "completedAt" - "submittedAt"))::float8
               AS "medianSeconds"
      FROM "PrivacyRequest" WHERE "status"::text IN (${Prisma.join(DELIVERED_STATUSES)}) AND "completedAt" >= ${since}`,
    db.privacyRequest.groupBy({ by: ["status"], where: { status: { in: OPEN_STATUSES } }, _count: { _all: true } }),
    db.$queryRaw<{ week: string; count: number }[]>`
      SELECT CASE WHEN coalesce("extendedDueAt", "dueAt") < ${now} THEN 'overdue'
                  ELSE to_char(date_trunc('week', coalesce("extendedDueAt", "dueAt")), 'YYYY-MM-DD') END AS week,
             count(*)::int AS count
      FROM "PrivacyRequest" WHERE "status"::text IN (${Prisma.join(OPEN_STATUSES)})
      GROUP BY 1 ORDER BY 1 LIMIT 60`,
  ]);
}

export async function loadDashboard(viewer: Viewer, now = new Date()): Promise<DashboardFigures> {
  if (!isStaff(viewer)) throw new Error("loadDashboard needs a staff viewer");
  const since = new Date(weekStart(now).getTime() - (WEEKS - 1) * WEEK_MS);
  const weeks = Array.from({ length: WEEKS }, (_, i) => isoDay(new Date(since.getTime() + i * WEEK_MS)));
  const [received, delivered, totals, openByStatus, openByDueWeek] = await queryFigures(since, now);

  const days = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 86_400) * 100) / 100);
  const total = totals[0] ?? { delivered: 0, onTime: 0, medianSeconds: null };
  return {
    since: isoDay(since),
    received: weeks.map((week) => {
      const rows = received.filter((row) => row.week === week);
      const byType = Object.fromEntries(
        REQUEST_TYPE_KEYS.map((type) => [type, rows.find((row) => row.type === type)?.count ?? 0]),
      );
      return { week, byType: byType as Record<RequestType, number> };
    }),
    delivered: weeks.map((week) => {
      const row = delivered.find((r) => r.week === week);
      return { week, onTime: row?.onTime ?? 0, late: row?.late ?? 0, medianDays: days(row?.medianSeconds ?? null) };
    }),
    totals: {
      delivered: total.delivered,
      onTime: total.onTime,
      onTimeRate: total.delivered === 0 ? null : total.onTime / total.delivered,
      medianDays: days(total.medianSeconds),
    },
    openByStatus: OPEN_STATUSES.map((status) => ({
      status,
      count: openByStatus.find((row) => row.status === status)?._count._all ?? 0,
    })),
    // "overdue" sorts after the dates; show it first.
    openByDueWeek: [
      ...openByDueWeek.filter((row) => row.week === "overdue"),
      ...openByDueWeek.filter((row) => row.week !== "overdue"),
    ],
  };
}
