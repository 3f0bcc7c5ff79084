// What every staff chart is drawn from: named, coloured series and one row of values per label.

export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string; values: Record<string, number> };
/** What a chart's drawing takes: its element id, its accessible label, the series and the rows. */
export type ChartImageProps = { id: string; label: string; series: ChartSeries[]; rows: ChartRow[] };

export const rowTotal = (row: ChartRow, series: ChartSeries[]) =>
  series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0);
