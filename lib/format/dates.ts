// How the review console writes dates: always UTC, so two reviewers in different time zones
// read the same legal deadline and the same audit timestamp.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DAY_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC", hour12: false });

export const formatDay = (date: Date): string => DAY.format(date);
export const formatDateTime = (date: Date): string => `${DAY_TIME.format(date)} UTC`;
