// What every staff chart is drawn from: named, coloured series and one row of values per label.

export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string; values: Record<string, number> };

export const rowTotal = (row: ChartRow, series: ChartSeries[]) =>
  series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0);
