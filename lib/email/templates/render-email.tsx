import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { formatter } from "@/lib/i18n/translator";

/** Every email goes out with an HTML part and a plain-text part made from the same element. */
export async function renderEmail(subject: string, element: ReactElement) {
  return { subject, html: await render(element), text: await render(element, { plainText: true }) };
}

/** A calendar day in the email's language ("1 December 2026", "1. Dezember 2026"). */
export const formatEmailDate = (date: Date, locale: string) => formatter(locale).dateTime(date, "long");
