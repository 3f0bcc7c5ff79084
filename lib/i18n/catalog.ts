import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, env } from "@/lib/env";
import type en from "@/messages/en.json";

// The message catalog: one JSON file per language in messages/ (messages/de.json is German).
// Adding a language is adding a file there; nothing else lists languages. A company reviews or
// changes any text (the Art. 15 wording, the rights texts) without touching code by putting the
// keys it wants to change in messages/overrides/<locale>.json, which is merged over the file.

export type Messages = typeof en;

const MESSAGES_DIR = path.join(process.cwd(), "messages");
const OVERRIDES_DIR = path.join(MESSAGES_DIR, "overrides");
const LOCALE_FILE = /^([a-z]{2,3}(?:-[A-Z]{2})?)\.json$/;

let locales: readonly string[] | undefined;
const cache = new Map<string, Messages>();

/** Every language with a message file, e.g. ["de", "en"]. */
export function availableLocales(): readonly string[] {
  locales ??= readdirSync(MESSAGES_DIR)
    .map((file) => LOCALE_FILE.exec(file)?.[1])
    .filter((locale): locale is string => Boolean(locale))
    .sort();
  return locales;
}

export function isAvailableLocale(value: unknown): value is string {
  return typeof value === "string" && availableLocales().includes(value);
}

/** The company's default language (DEFAULT_LOCALE); it must have a message file. */
export function defaultLocale(): string {
  const locale = env().DEFAULT_LOCALE;
  if (!isAvailableLocale(locale)) {
    throw new ConfigError(
      `DEFAULT_LOCALE: there is no messages/${locale}.json (available: ${availableLocales().join(", ")}).`,
    );
  }
  return locale;
}

/** `locale` if it has a message file, else the company default (a request from before a language was removed). */
export function supportedLocale(locale: string | null | undefined): string {
  return isAvailableLocale(locale) ? locale : defaultLocale();
}

type Tree = { [key: string]: string | Tree };

function merge(base: Tree, override: Tree): Tree {
  const result: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = typeof value === "object" && typeof current === "object" ? merge(current, value) : value;
  }
  return result;
}

const readJson = (file: string): Tree => JSON.parse(readFileSync(file, "utf8")) as Tree;

/** The messages of one language, with the company's overrides applied. */
export function loadMessages(locale: string): Messages {
  const supported = supportedLocale(locale);
  let messages = cache.get(supported);
  if (!messages) {
    const overrides = path.join(OVERRIDES_DIR, `${supported}.json`);
    const base = readJson(path.join(MESSAGES_DIR, `${supported}.json`));
    messages = (existsSync(overrides) ? merge(base, readJson(overrides)) : base) as unknown as Messages;
    cache.set(supported, messages);
  }
  return messages;
}
