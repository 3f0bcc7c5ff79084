import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewer, type Viewer } from "@/lib/dal/session";
import { availableLocales, defaultLocale, loadMessages } from "./catalog";
import { FORMATS, TIME_ZONE } from "./formats";
import { LOCALE_COOKIE } from "./locale-cookie";
import { negotiateLocale } from "./negotiate";
import { localeFromHeaders } from "./visitor-locale";

// next-intl without i18n routing (URLs stay as they are): the language comes from the person's
// account, else the language switcher's cookie, else Accept-Language, else DEFAULT_LOCALE.

/**
 * The language of the current request, for pages, server actions and route handlers. A route
 * handler passes the viewer it already has: React's cache() does not last through a route
 * handler, so asking again would look the session up a second time.
 */
export async function resolveRequestLocale(known?: Viewer | null): Promise<string> {
  const [viewer, jar, head] = await Promise.all([known === undefined ? getViewer() : known, cookies(), headers()]);
  return negotiateLocale(
    { chosen: viewer?.locale ?? jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") },
    availableLocales(),
    defaultLocale(),
  );
}

/** The language without the account, which needs the database: for answers while it is away. */
export async function resolveVisitorLocale(): Promise<string> {
  return localeFromHeaders(await headers());
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: TIME_ZONE, formats: FORMATS };
});
