import { availableLocales, defaultLocale } from "./catalog";
import { LOCALE_COOKIE } from "./locale-cookie";
import { cookieValue, negotiateLocale } from "./negotiate";

/**
 * The language to answer a request in from its headers alone: the account's language when the
 * caller has it, else the switcher's cookie, else Accept-Language, else DEFAULT_LOCALE. For code
 * that has a Request rather than a page render (the sign-in email), or that cannot ask the
 * database for the account (the answers while it is away).
 */
export function localeFromHeaders(headers: Headers, accountLocale?: string | null): string {
  return negotiateLocale(
    {
      chosen: accountLocale ?? cookieValue(headers.get("cookie"), LOCALE_COOKIE),
      acceptLanguage: headers.get("accept-language"),
    },
    availableLocales(),
    defaultLocale(),
  );
}
