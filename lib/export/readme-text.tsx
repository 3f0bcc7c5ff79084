import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import type { RichTranslationValues } from "use-intl/core";
import { supportedLocale, type Messages } from "@/lib/i18n/catalog";
import type { MessageLookup } from "@/lib/i18n/localize-errors";
import { localizedSource } from "@/lib/i18n/source-text";
import { formatter, translator } from "@/lib/i18n/translator";

// How README.html writes its texts, dates, sizes and counts: in the language the customer asked
// in (messages/<locale>.json, `readme.*`, which a company can override without code), always in
// UTC, so the same archive reads the same wherever it is opened. Everything here is text or a
// React node: React escapes it when the page is rendered, so nothing here escapes by hand.

export type ReadmeKey = keyof Messages["readme"];
type Values = Record<string, string | number>;
/** Values of a message with markup: text, or an element (a link, a <time>) placed in the sentence. */
type RichValues = Record<string, string | number | ReactElement>;

/** The markup a message may use (<strong>, <code>, <rights>); anything else in a message is text. */
const TAGS = {
  strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
  code: (chunks: ReactNode) => <code>{chunks}</code>,
  rights: (chunks: ReactNode) => <a href="#rights">{chunks}</a>,
};

const SIZE_UNITS = ["kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** An element placed in a sentence becomes one of several children: React wants each keyed. */
function keyed(values: RichValues): RichValues {
  const entries = Object.entries(values).map(([name, value]) => {
    return [name, isValidElement(value) ? cloneElement(value, { key: name }) : value];
  });
  return Object.fromEntries(entries) as RichValues;
}

export type ReadmeText = ReturnType<typeof readmeText>;

export function readmeText(locale: string | null | undefined) {
  const translate = translator(locale) as unknown as {
    (key: string, values?: Values): string;
    rich(key: string, values: RichTranslationValues): ReactNode;
  };
  const format = formatter(locale);
  const count = (kind: "sources" | "records" | "bytes", value: number) => translate(`readme.${kind}`, { count: value });
  return {
    /** A source's title and description in this language when the message files have them. */
    source: <S extends { key: string; title: string; description: string }>(source: S) =>
      localizedSource(translate as unknown as MessageLookup, source),
    locale: supportedLocale(locale),
    /** What replaces a redacted span of another person's data (Art. 15(4) GDPR), as the data files hold it. */
    marker: translate("disclosure.marker"),
    plain: (key: ReadmeKey, values: Values = {}) => translate(`readme.${key}`, values),
    /**
     * A message with markup. use-intl places an element value (a link, a <time>) into the
     * sentence as it is, though its types only name primitives: hence the cast.
     */
    rich: (key: ReadmeKey, values: RichValues = {}) =>
      translate.rich(`readme.${key}`, { ...(keyed(values) as RichTranslationValues), ...TAGS }),
    /** A <time> element: readable text for people, ISO 8601 for machines and screen readers. */
    time(date: Date, withTime = true): ReactElement {
      const day = format.dateTime(date, withTime ? "longWithTime" : "long");
      const text = withTime ? translate("readme.dateTimeUtc", { dateTime: day }) : day;
      return <time dateTime={date.toISOString()}>{text}</time>;
    },
    count,
    bytes(bytes: number): string {
      if (bytes < 1024) return count("bytes", bytes);
      let value = bytes / 1024;
      let unit = 0;
      while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
        value /= 1024;
        unit += 1;
      }
      const digits = value < 10 ? 1 : 0;
      return format.number(value, {
        style: "unit",
        unit: SIZE_UNITS[unit],
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
    },
  };
}
