import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/**
 * The language to speak: the person's own choice (their account, else the switcher's cookie) if
 * we have it, else the best match for the browser's Accept-Language, else the company default.
 */
export function negotiateLocale(
  input: { chosen?: string | null; acceptLanguage?: string | null },
  available: readonly string[],
  fallback: string,
): string {
  if (input.chosen && available.includes(input.chosen)) return input.chosen;
  const requested = new Negotiator({ headers: { "accept-language": input.acceptLanguage ?? "" } })
    .languages()
    .filter((tag) => tag !== "*");
  try {
    return match(requested, [...available], fallback);
  } catch {
    return fallback; // a malformed language tag in the header
  }
}

/** The switcher's cookie, read from a raw Cookie header (for code that has a Request, not next/headers). */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
