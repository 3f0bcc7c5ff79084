import { createFormatter, createTranslator } from "use-intl/core";
import { loadMessages, supportedLocale } from "./catalog";
import { FORMATS, TIME_ZONE } from "./formats";

// Texts outside a page render (emails, README.html, the worker): the same messages and formats
// as the pages, for a locale given explicitly (the request's language, not the current visitor's).

// One of each per locale, kept: a translator compiles each message (ICU MessageFormat) on first
// use and keeps it, so a new one per email or README compiled every message again (a few per cent
// of the worker's CPU under a burst of exports). Both are stateless apart from those caches.
const translators = new Map<string, Translator>();
const formatters = new Map<string, ReturnType<typeof createFormatter>>();

function createLocaleTranslator(locale: string) {
  return createTranslator({ locale, messages: loadMessages(locale), timeZone: TIME_ZONE, formats: FORMATS });
}

export type Translator = ReturnType<typeof createLocaleTranslator>;

export function translator(locale: string | null | undefined): Translator {
  const resolved = supportedLocale(locale);
  let found = translators.get(resolved);
  if (!found) translators.set(resolved, (found = createLocaleTranslator(resolved)));
  return found;
}

export function formatter(locale: string | null | undefined) {
  const resolved = supportedLocale(locale);
  let found = formatters.get(resolved);
  if (!found)
    formatters.set(resolved, (found = createFormatter({ locale: resolved, timeZone: TIME_ZONE, formats: FORMATS })));
  return found;
}
