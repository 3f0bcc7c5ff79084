import { supportedLocale, type Messages } from "@/lib/i18n/catalog";
import type { MessageLookup } from "@/lib/i18n/localize-errors";
import { localizedSource } from "@/lib/i18n/source-text";
import { formatter, translator } from "@/lib/i18n/translator";
import { escapeHtml } from "./html-escape";

// How README.html writes its texts, dates, sizes and counts: in the language the customer asked
// in (messages/<locale>.json, `readme.*`, which a company can override without code), always in
// UTC, so the same archive reads the same wherever it is opened.

type ReadmeKey = keyof Messages["readme"];
type Values = Record<string, string | number>;

/** Markup a message may use; every value passed in must already be escaped. */
const TAGS = {
  strong: (chunks: string) => `<strong>${chunks}</strong>`,
  code: (chunks: string) => `<code>${chunks}</code>`,
  rights: (chunks: string) => `<a href="#rights">${chunks}</a>`,
};

export type ReadmeText = ReturnType<typeof readmeText>;

export function readmeText(locale: string | null | undefined) {
  const t = translator(locale) as unknown as {
    (key: string, values?: Values): string;
    markup(key: string, values: Record<string, string | number | ((chunks: string) => string)>): string;
  };
  const format = formatter(locale);
  const lookup = t as unknown as MessageLookup;
  return {
    /** A source's title and description in this language when the message files have them. */
    source: <S extends { key: string; title: string; description: string }>(source: S) => localizedSource(lookup, source),
    locale: supportedLocale(locale),
    /** What replaces a redacted span of another person's data (Art. 15(4) GDPR), as the data files hold it. */
    marker: t("disclosure.marker"),
    /** Plain text, already escaped for HTML. */
    text: (key: ReadmeKey, values: Values = {}) => escapeHtml(t(`readme.${key}`, values)),
    /** A message with markup (<strong>, <code>); `values` must be escaped HTML. */
    html: (key: ReadmeKey, values: Values = {}) => t.markup(`readme.${key}`, { ...values, ...TAGS }),
    /** A <time> element: readable text for people, ISO 8601 for machines and screen readers. */
    time(date: Date, withTime = true): string {
      const text = withTime ? t("readme.dateTimeUtc", { dateTime: format.dateTime(date, "longWithTime") }) : format.dateTime(date, "long");
      return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(text)}</time>`;
    },
    count: (kind: "sources" | "records" | "bytes", count: number) => escapeHtml(t(`readme.${kind}`, { count })),
    bytes(bytes: number): string {
      if (bytes < 1024) return this.count("bytes", bytes);
      const units = ["kilobyte", "megabyte", "gigabyte", "terabyte"];
      let value = bytes / 1024;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return escapeHtml(format.number(value, { style: "unit", unit: units[unit], maximumFractionDigits: value < 10 ? 1 : 0, minimumFractionDigits: value < 10 ? 1 : 0 }));
    },
  };
}
