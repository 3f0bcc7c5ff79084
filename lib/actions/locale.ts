"use server";

import { cookies } from "next/headers";
import { rememberLocale } from "@/lib/dal/preferences";
import { getViewer } from "@/lib/dal/session";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/locale-cookie";
import { localeChoiceSchema } from "@/lib/schemas/locale";

/**
 * The language switcher. Not built with action(): signed-out visitors switch too. The choice goes
 * in a cookie, and on the account when someone is signed in; setting the cookie re-renders the page.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return; // only our own buttons send this; nothing to explain
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
  });
  const viewer = await getViewer();
  if (viewer) await rememberLocale(viewer, locale);
}
