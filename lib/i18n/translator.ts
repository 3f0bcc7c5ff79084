import { createFormatter, createTranslator } from "use-intl/core";
import { loadMessages, supportedLocale } from "./catalog";
import { FORMATS, TIME_ZONE } from "./formats";

// Texts outside a page render (emails, README.html, the worker): the same messages and formats
// as the pages, for a locale given explicitly (the request's language, not the current visitor's).

export function translator(locale: string | null | undefined) {
  const resolved = supportedLocale(locale);
  return createTranslator({ locale: resolved, messages: loadMessages(resolved), timeZone: TIME_ZONE, formats: FORMATS });
}

export function formatter(locale: string | null | undefined) {
  return createFormatter({ locale: supportedLocale(locale), timeZone: TIME_ZONE, formats: FORMATS });
}

export type Translator = ReturnType<typeof translator>;
