import type { Formats } from "use-intl/core";

// Dates are shown as calendar days in UTC everywhere (pages, emails, README.html), so a due date
// reads the same for the customer, the email and the audit trail; the locale decides the order
// and the month names.
export const TIME_ZONE = "UTC";

export const FORMATS = {
  dateTime: {
    long: { day: "numeric", month: "long", year: "numeric" },
    longWithTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
  },
} satisfies Formats;
