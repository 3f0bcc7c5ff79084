// How the review console writes dates: always UTC, like the legal clock
// (lib/compliance/legal-clock.ts), so two reviewers in different time zones read the same legal
// deadline and the same audit timestamp. Customer pages format through next-intl (lib/i18n).
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DAY_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const TIMESTAMP = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  hour12: false,
});

export const formatDay = (date: Date): string => DAY.format(date);
export const formatDateTime = (date: Date): string => `${DAY_TIME.format(date)} UTC`;
/** To the second: the audit log, where the order of events matters. */
export const formatTimestamp = (date: Date): string => `${TIMESTAMP.format(date)} UTC`;
