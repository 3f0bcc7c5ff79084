import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** Every email goes out with an HTML part and a plain-text part made from the same element. */
export async function renderEmail(subject: string, element: ReactElement) {
  return { subject, html: await render(element), text: await render(element, { plainText: true }) };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export const formatEmailDate = (date: Date) => dateFormat.format(date);
