// How the review console writes a count: "1 record", "8,974 records", "1 hour". English only, as
// the console is (README "Languages"); customer pages count through ICU plurals in messages/.
const NUMBER = new Intl.NumberFormat("en-GB");
const ENGLISH = new Intl.PluralRules("en-GB");

/** `count` with the singular or plural noun, e.g. countOf(1, "record", "records") → "1 record". */
export function countOf(count: number, singular: string, plural: string): string {
  return `${NUMBER.format(count)} ${ENGLISH.select(count) === "one" ? singular : plural}`;
}

/** A span given in days, in the unit a person reads it in: "4 minutes", "3 hours", "2.5 days". */
export function durationText(days: number): string {
  const hours = days * 24;
  if (hours < 1) return countOf(Math.max(1, Math.round(hours * 60)), "minute", "minutes");
  return days < 1 ? countOf(Math.round(hours), "hour", "hours") : `${days.toFixed(1)} days`;
}
