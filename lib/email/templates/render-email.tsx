import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { formatter } from "@/lib/i18n/translator";

/**
 * Every email goes out with an HTML part and a plain-text part made from the same element. The
 * element is rendered once: the text part is converted from that HTML, as render's plainText
 * option would convert a second rendering of it.
 */
export async function renderEmail(subject: string, element: ReactElement) {
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}

/** A calendar day in the email's language ("1 December 2026", "1. Dezember 2026"). */
export const formatEmailDate = (date: Date, locale: string) => formatter(locale).dateTime(date, "long");
