// GDPR Art. 12(3): a request is answered "within one month of receipt", extendable "by two
// further months where necessary". Regulators count a calendar month from the day of receipt to
// the same day of the next month; when that day does not exist (31 January → February), the
// deadline is the last day of that month. Counted in UTC, ending at the end of that day.

export const MAX_EXTENSION_MONTHS = 2;

function addCalendarMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, 23, 59, 59, 999));
}

/** The legal deadline for a request received at `receivedAt`. */
export function dueDate(receivedAt: Date): Date {
  return addCalendarMonths(receivedAt, 1);
}

/** The deadline after extending by `months` (1 or 2) further months, counted from receipt. */
export function extendedDueDate(receivedAt: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) {
    throw new RangeError(`An extension is one or two further months (Art. 12(3)), not ${months}.`);
  }
  return addCalendarMonths(receivedAt, 1 + months);
}
