import { escapeHtml } from "./html-escape";

// How README.html writes dates, sizes and counts. Always UTC and one fixed locale, so the same
// archive reads the same wherever it is opened and the output is reproducible in tests.

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const COUNT = new Intl.NumberFormat("en-GB");

/** A <time> element: readable text for people, ISO 8601 for machines and screen readers. */
export function timeHtml(date: Date, withTime = true): string {
  const text = withTime ? `${DATE_TIME.format(date)} UTC` : DATE.format(date);
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(text)}</time>`;
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${COUNT.format(count)} ${count === 1 ? singular : plural}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return formatCount(bytes, "byte");
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
