// How the review console writes dates: UTC, like the legal clock (lib/compliance/legal-clock.ts).
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export const formatDate = (date: Date) => DATE.format(date);
export const formatDateTime = (date: Date) => `${DATE_TIME.format(date)} UTC`;
