import { Group } from "@visx/group";
import { scaleBand, scaleLinear, scaleOrdinal } from "@visx/scale";
import { BarStack } from "@visx/shape";
import { TableHeader } from "@/components/ui/data-table";
import { type ChartImageProps, type ChartRow, type ChartSeries, rowTotal } from "./chart-data";
import { RowBars } from "./row-bars";

// A stacked bar chart rendered entirely on the server as SVG (visx primitives: no client
// JavaScript, no runtime <style> injection, nothing a nonce-based CSP has to allow; colours are
// SVG presentation attributes). The same numbers follow as a table for screen readers and for
// anyone who wants the figures, so the chart itself is one labelled image.

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 36, left: 40 };

type BarChartProps = {
  id: string;
  title: string;
  summary: string;
  series: ChartSeries[];
  rows: ChartRow[];
  valueLabel: string;
  /** "columns" for a time axis with short labels (weeks); "rows" for long category names. */
  layout?: "columns" | "rows";
};

/**
 * Columns scale with the window, their SVG labels too: below md (a phone) they would shrink past
 * reading, so a narrow window gets the same rows as horizontal bars, whose names stay full size.
 */
function ChartFor({
  id,
  label,
  series,
  rows,
  layout,
}: Pick<BarChartProps, "id" | "series" | "rows" | "layout"> & {
  label: string;
}) {
  if (layout === "rows") return <RowBars id={id} label={label} series={series} rows={rows} />;
  return (
    <>
      <div className="hidden md:block">
        <ChartImage id={id} label={label} series={series} rows={rows} />
      </div>
      <div className="md:hidden">
        <RowBars id={`${id}-narrow`} label={label} series={series} rows={rows} />
      </div>
    </>
  );
}

export function BarChart({ id, title, summary, series, rows, valueLabel, layout = "columns" }: BarChartProps) {
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3">
      <figcaption id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </figcaption>
      <ChartFor id={id} label={`${title}: ${summary}`} series={series} rows={rows} layout={layout} />
      {series.length > 1 ? <Legend series={series} /> : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Show the figures as a table</summary>
        <FiguresTable id={id} title={title} series={series} rows={rows} valueLabel={valueLabel} />
      </details>
    </figure>
  );
}

/** The stacked bars with a horizontal grid line per tick; at most 12 labels along the bottom. */
function ChartImage({ id, label, series, rows }: ChartImageProps) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...rows.map((row) => rowTotal(row, series)));
  const x = scaleBand<string>({ domain: rows.map((row) => row.label), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const color = scaleOrdinal<string, string>({ domain: series.map((s) => s.key), range: series.map((s) => s.color) });
  const data = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(series.map((s) => [s.key, row.values[s.key] ?? 0])),
  }));
  const ticks = y.ticks(Math.min(4, max)).filter((tick) => Number.isInteger(tick));

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full"
      role="img"
      aria-label={label}
      data-testid={`${id}-chart`}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#e4e4e7" />
            <text x={-6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="#52525b">
              {tick}
            </text>
          </g>
        ))}
        <BarStack data={data} keys={series.map((s) => s.key)} x={(d) => d.label} xScale={x} yScale={y} color={color} />
        <line x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} stroke="#a1a1aa" />
        <BottomLabels rows={rows} x={x} y={innerHeight + 16} />
      </Group>
    </svg>
  );
}

type RowScale = ReturnType<typeof scaleBand<string>>;

/** The row names under their bars: at most 12, so week labels keep apart. */
function BottomLabels({ rows, x, y }: { rows: ChartRow[]; x: RowScale; y: number }) {
  const everyNth = Math.ceil(rows.length / 12);
  return rows.map((row, i) =>
    i % everyNth === 0 ? (
      <text
        key={row.label}
        x={(x(row.label) ?? 0) + x.bandwidth() / 2}
        y={y}
        textAnchor="middle"
        fontSize={11}
        fill="#52525b"
        data-chart-label
      >
        {row.label}
      </text>
    ) : null,
  );
}

function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="flex flex-wrap gap-4 text-sm text-zinc-700" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-2">
          <svg width="12" height="12" viewBox="0 0 12 12">
            <rect width="12" height="12" rx="2" fill={s.color} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The same figures as a table, with a total column when the bars stack more than one series. */
function FiguresTable({ id, title, series, rows, valueLabel }: Omit<BarChartProps, "summary" | "layout">) {
  const stacked = series.length > 1;
  const columns = [valueLabel, ...series.map((s) => s.label), ...(stacked ? ["Total"] : [])];
  return (
    <table className="mt-2 w-full text-left" data-testid={`${id}-table`}>
      <caption className="sr-only">{title}</caption>
      <TableHeader columns={columns} dense />
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className="border-b border-zinc-100">
            <th scope="row" className="py-1 pr-4 font-normal">
              {row.label}
            </th>
            {series.map((s) => (
              <td key={s.key} className="py-1 pr-4 tabular-nums">
                {row.values[s.key] ?? 0}
              </td>
            ))}
            {stacked ? <td className="py-1 tabular-nums">{rowTotal(row, series)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
