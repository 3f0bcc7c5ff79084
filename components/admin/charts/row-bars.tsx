import { Fragment } from "react";
import { Bar } from "@visx/shape";
import { scaleLinear } from "@visx/scale";
import { type ChartImageProps, type ChartRow, type ChartSeries, rowTotal } from "./chart-data";

// Horizontal bars for categories with long names (request statuses). The names are HTML text
// beside the bars, not SVG text scaled with the chart, so they stay full size and never overlap,
// however narrow the window: on a phone a long name wraps instead of shrinking. Each bar is its
// own SVG stretched to the track (the shapes only, no text to distort).

const TRACK = "#f4f4f5";

function RowBar({ row, series, max }: { row: ChartRow; series: ChartSeries[]; max: number }) {
  const x = scaleLinear<number>({ domain: [0, max], range: [0, 100] });
  const segments = series.reduce<{ key: string; color: string; start: number; end: number }[]>((done, s) => {
    const start = done.at(-1)?.end ?? 0;
    return [...done, { key: s.key, color: s.color, start, end: start + (row.values[s.key] ?? 0) }];
  }, []);
  return (
    <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-5 w-full" aria-hidden="true">
      <rect width={100} height={10} fill={TRACK} />
      {segments.map((segment) => (
        <Bar
          key={segment.key}
          x={x(segment.start)}
          width={x(segment.end) - x(segment.start)}
          height={10}
          fill={segment.color}
        />
      ))}
    </svg>
  );
}

/** One row a category: its name, its bar (stacked when there are several series) and its total. */
export function RowBars({ id, label, series, rows }: ChartImageProps) {
  const max = Math.max(1, ...rows.map((row) => rowTotal(row, series)));
  return (
    <div
      role="img"
      aria-label={label}
      data-testid={`${id}-chart`}
      className="grid grid-cols-[fit-content(50%)_1fr_auto] items-center gap-x-3 gap-y-2 text-sm text-zinc-700"
    >
      {rows.map((row) => (
        <Fragment key={row.label}>
          <span data-chart-label>{row.label}</span>
          <RowBar row={row} series={series} max={max} />
          <span className="min-w-6 text-right tabular-nums">{rowTotal(row, series)}</span>
        </Fragment>
      ))}
    </div>
  );
}
