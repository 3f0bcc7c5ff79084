import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// A Prometheus histogram whose buckets are counted by the database at scrape time, for things the
// worker does (exports, collects) but the web process scrapes: the rows they leave are the same
// for every web instance, where a counter in the worker's memory would be seen by none of them.
// The rows are kept (archives are marked deleted, not removed), so the counts only grow, as a
// histogram's must; a request's rows go when the request does, which Prometheus reads as a reset.

export type HistogramRows = {
  /** SELECT yielding `v` (the observed value, float8) and, when labelled, `label` (text). */
  values: Prisma.Sql;
  /** Label name for the `label` column, e.g. "source"; none: one series. */
  labelName?: string;
};

/** What prom-client's Registry reads from a metric (its `get()`), in the shape it formats. */
export type MetricSeries = { metricName: string; labels: Record<string, string | number>; value: number };
export type MetricSnapshot = {
  name: string;
  help: string;
  type: "histogram";
  aggregator: "sum";
  values: MetricSeries[];
};

type Row = { label: string | null; count: number; sum: number | null; buckets: number[] };

export class DatabaseHistogram {
  readonly type = "histogram" as const;
  readonly aggregator = "sum" as const;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
    private readonly rows: () => HistogramRows,
  ) {}

  async get(): Promise<MetricSnapshot> {
    const { values, labelName } = this.rows();
    const counts = this.buckets.map((le) => Prisma.sql`count(*) FILTER (WHERE x.v <= ${le}::float8)::int`);
    const found = await db.$queryRaw<Row[]>`
      SELECT ${labelName ? Prisma.sql`x.label` : Prisma.sql`NULL::text`} AS label, count(*)::int AS count,
             sum(x.v)::float8 AS sum, ARRAY[${Prisma.join(counts)}] AS buckets
      FROM (${values}) x WHERE x.v IS NOT NULL GROUP BY 1 ORDER BY 1`;
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: found.flatMap((row) => this.series(row, labelName)),
    };
  }

  private series(row: Row, labelName: string | undefined): MetricSeries[] {
    const labels = labelName && row.label !== null ? { [labelName]: row.label } : {};
    return [
      ...this.buckets.map((le, i) => ({
        metricName: `${this.name}_bucket`,
        labels: { ...labels, le },
        value: row.buckets[i] ?? 0,
      })),
      { metricName: `${this.name}_bucket`, labels: { ...labels, le: "+Inf" }, value: row.count },
      { metricName: `${this.name}_sum`, labels, value: row.sum ?? 0 },
      { metricName: `${this.name}_count`, labels, value: row.count },
    ];
  }
}
