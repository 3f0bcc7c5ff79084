import type { Metadata } from "next";
import { BarChart } from "@/components/admin/charts/bar-chart";
import { STAFF_REQUEST_TYPES } from "@/lib/requests/request-type";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboard, WEEKS } from "@/lib/dal/dashboard";
import { requireStaff } from "@/lib/dal/session";
import { formatDay } from "@/lib/format/dates";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { STAFF_STATUS_LABEL } from "@/lib/requests/lifecycle";

export const metadata: Metadata = { title: "Dashboard" };

// Colours chosen to stay distinguishable for the common colour-vision deficiencies (blue/orange).
const BLUE = "#1d4ed8";
const ORANGE = "#c2410c";
const GREEN = "#15803d";
const RED = "#b91c1c";

const TYPE_COLORS: Record<RequestType, string> = { ACCESS: BLUE, PORTABILITY: ORANGE };

const weekLabel = (week: string) => formatDay(new Date(`${week}T00:00:00Z`)).replace(/ \d{4}$/, "");
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const duration = (days: number | null) => (days === null ? "–" : days < 1 ? `${Math.max(1, Math.round(days * 24))} hours` : `${days.toFixed(1)} days`);

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg bg-zinc-50 p-4 ring-1 ring-zinc-200">
      <dt className="text-sm text-zinc-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900">{value}</dd>
      <dd className="mt-1 text-xs text-zinc-600">{detail}</dd>
    </div>
  );
}

export default async function DashboardPage() {
  const viewer = await requireStaff("/admin/dashboard");
  const figures = await loadDashboard(viewer);
  const { totals } = figures;
  const open = sum(figures.openByStatus.map((row) => row.count));
  const overdue = figures.openByDueWeek.find((row) => row.week === "overdue")?.count ?? 0;
  const types = Object.keys(STAFF_REQUEST_TYPES) as RequestType[];

  return (
    <div className="space-y-6">
      <PageHeader title="Dashboard" description={`How the team is doing over the last ${WEEKS} weeks (since ${formatDay(new Date(`${figures.since}T00:00:00Z`))}). Weeks start on Monday, UTC.`} />
      <dl className="grid gap-4 sm:grid-cols-4">
        <Figure label="Answered on time" value={totals.onTimeRate === null ? "–" : `${Math.round(totals.onTimeRate * 100)}%`} detail={`${totals.onTime} of ${totals.delivered} delivered by the (extended) due date`} />
        <Figure label="Median time to ready" value={duration(totals.medianDays)} detail="From receipt to the archive being ready" />
        <Figure label="Open requests" value={String(open)} detail="Not yet delivered, rejected or cancelled" />
        <Figure label="Overdue now" value={String(overdue)} detail="Open past their (extended) due date" />
      </dl>
      <Card>
        <BarChart
          id="received"
          title="Requests received per week, by type"
          summary={`${sum(figures.received.map((row) => sum(Object.values(row.byType))))} requests in ${WEEKS} weeks`}
          valueLabel="Week of"
          series={types.map((type) => ({ key: type, label: STAFF_REQUEST_TYPES[type].title, color: TYPE_COLORS[type] }))}
          rows={figures.received.map((row) => ({ label: weekLabel(row.week), values: row.byType }))}
        />
      </Card>
      <Card>
        <BarChart
          id="delivered"
          title="Requests delivered per week, on time and late"
          summary={`${totals.onTime} on time and ${totals.delivered - totals.onTime} late in ${WEEKS} weeks`}
          valueLabel="Week of"
          series={[
            { key: "onTime", label: "On time", color: GREEN },
            { key: "late", label: "Late", color: RED },
          ]}
          rows={figures.delivered.map((row) => ({ label: weekLabel(row.week), values: { onTime: row.onTime, late: row.late } }))}
        />
      </Card>
      <Card>
        <BarChart
          id="open-status"
          title="Open requests by status"
          summary={figures.openByStatus.map((row) => `${STAFF_STATUS_LABEL[row.status]}: ${row.count}`).join(", ")}
          valueLabel="Status"
          series={[{ key: "count", label: "Requests", color: BLUE }]}
          rows={figures.openByStatus.map((row) => ({ label: STAFF_STATUS_LABEL[row.status], values: { count: row.count } }))}
        />
      </Card>
      <Card>
        <BarChart
          id="open-due"
          title="Open requests by due week"
          summary={figures.openByDueWeek.length === 0 ? "no open requests" : figures.openByDueWeek.map((row) => `${row.week === "overdue" ? "Overdue" : weekLabel(row.week)}: ${row.count}`).join(", ")}
          valueLabel="Due"
          series={[{ key: "count", label: "Requests", color: ORANGE }]}
          rows={figures.openByDueWeek.map((row) => ({ label: row.week === "overdue" ? "Overdue" : weekLabel(row.week), values: { count: row.count } }))}
        />
      </Card>
    </div>
  );
}
