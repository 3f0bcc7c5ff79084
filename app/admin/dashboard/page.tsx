import type { Metadata } from "next";
import { BarChart } from "@/components/admin/charts/bar-chart";
import { STAFF_REQUEST_TYPES } from "@/lib/requests/request-type";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type DashboardFigures, loadDashboard, WEEKS } from "@/lib/dal/dashboard";
import { requireStaff } from "@/lib/dal/session";
import { formatDay } from "@/lib/format/dates";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { STAFF_STATUS_LABEL } from "@/lib/requests/lifecycle";
import { durationText } from "@/lib/format/counts";

export const metadata: Metadata = { title: "Dashboard" };

// Colours chosen to stay distinguishable for the common colour-vision deficiencies (blue/orange).
const BLUE = "#1d4ed8";
const ORANGE = "#c2410c";
const GREEN = "#15803d";
const RED = "#b91c1c";

const TYPE_COLORS: Record<RequestType, string> = { ACCESS: BLUE, PORTABILITY: ORANGE };

const weekLabel = (week: string) => formatDay(new Date(`${week}T00:00:00Z`)).replace(/ \d{4}$/, "");
const dueLabel = (week: string) => (week === "overdue" ? "Overdue" : weekLabel(week));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);

function duration(days: number | null): string {
  if (days === null) return "–";
  return durationText(days);
}

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg bg-zinc-50 p-4 ring-1 ring-zinc-200">
      <dt className="text-sm text-zinc-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900">{value}</dd>
      <dd className="mt-1 text-xs text-zinc-600">{detail}</dd>
    </div>
  );
}

/** The four headline figures: on-time rate, median time to ready, open and overdue requests. */
function HeadlineFigures({ figures }: { figures: DashboardFigures }) {
  const { totals } = figures;
  const open = sum(figures.openByStatus.map((row) => row.count));
  const overdue = figures.openByDueWeek.find((row) => row.week === "overdue")?.count ?? 0;
  return (
    <dl className="grid gap-4 sm:grid-cols-4">
      <Figure
        label="Answered on time"
        value={percent(totals.onTimeRate)}
        detail={`${totals.onTime} of ${totals.delivered} delivered by the (extended) due date`}
      />
      <Figure
        label="Median time to ready"
        value={duration(totals.medianDays)}
        detail="From receipt to the archive being ready"
      />
      <Figure label="Open requests" value={String(open)} detail="Not yet delivered, rejected or cancelled" />
      <Figure label="Overdue now" value={String(overdue)} detail="Open past their (extended) due date" />
    </dl>
  );
}

function ReceivedChart({ figures }: { figures: DashboardFigures }) {
  const types = Object.keys(STAFF_REQUEST_TYPES) as RequestType[];
  const received = sum(figures.received.map((row) => sum(Object.values(row.byType))));
  return (
    <BarChart
      id="received"
      title="Requests received per week, by type"
      summary={`${received} requests in ${WEEKS} weeks`}
      valueLabel="Week of"
      series={types.map((type) => ({ key: type, label: STAFF_REQUEST_TYPES[type].title, color: TYPE_COLORS[type] }))}
      rows={figures.received.map((row) => ({ label: weekLabel(row.week), values: row.byType }))}
    />
  );
}

function DeliveredChart({ figures }: { figures: DashboardFigures }) {
  const { totals } = figures;
  return (
    <BarChart
      id="delivered"
      title="Requests delivered per week, on time and late"
      summary={`${totals.onTime} on time and ${totals.delivered - totals.onTime} late in ${WEEKS} weeks`}
      valueLabel="Week of"
      series={[
        { key: "onTime", label: "On time", color: GREEN },
        { key: "late", label: "Late", color: RED },
      ]}
      rows={figures.delivered.map((row) => ({
        label: weekLabel(row.week),
        values: { onTime: row.onTime, late: row.late },
      }))}
    />
  );
}

function OpenByStatusChart({ figures }: { figures: DashboardFigures }) {
  return (
    <BarChart
      id="open-status"
      title="Open requests by status"
      summary={figures.openByStatus.map((row) => `${STAFF_STATUS_LABEL[row.status]}: ${row.count}`).join(", ")}
      valueLabel="Status"
      layout="rows"
      series={[{ key: "count", label: "Requests", color: BLUE }]}
      rows={figures.openByStatus.map((row) => ({
        label: STAFF_STATUS_LABEL[row.status],
        values: { count: row.count },
      }))}
    />
  );
}

function OpenByDueWeekChart({ figures }: { figures: DashboardFigures }) {
  const weeks = figures.openByDueWeek;
  return (
    <BarChart
      id="open-due"
      title="Open requests by due week"
      summary={
        weeks.length === 0 ? "no open requests" : weeks.map((row) => `${dueLabel(row.week)}: ${row.count}`).join(", ")
      }
      valueLabel="Due"
      series={[{ key: "count", label: "Requests", color: ORANGE }]}
      rows={weeks.map((row) => ({ label: dueLabel(row.week), values: { count: row.count } }))}
    />
  );
}

export default async function DashboardPage() {
  const viewer = await requireStaff("/admin/dashboard");
  const figures = await loadDashboard(viewer);
  const since = formatDay(new Date(`${figures.since}T00:00:00Z`));
  const description =
    `How the team is doing over the last ${WEEKS} weeks (since ${since}). ` + "Weeks start on Monday, UTC.";

  return (
    <div className="space-y-6">
      <PageHeader title="Dashboard" description={description} />
      <HeadlineFigures figures={figures} />
      <Card>
        <ReceivedChart figures={figures} />
      </Card>
      <Card>
        <DeliveredChart figures={figures} />
      </Card>
      <Card>
        <OpenByStatusChart figures={figures} />
      </Card>
      <Card>
        <OpenByDueWeekChart figures={figures} />
      </Card>
    </div>
  );
}
