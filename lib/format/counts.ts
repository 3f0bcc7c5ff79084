// How the review console writes a count: "1 record", "8,974 records", "1 hour". English only, as
// the console is (README "Languages"); customer pages count through ICU plurals in messages/.
const NUMBER = new Intl.NumberFormat("en-GB");
const ENGLISH = new Intl.PluralRules("en-GB");

/** `count` with the singular or plural noun, e.g. countOf(1, "record", "records") → "1 record". */
export function countOf(count: number, singular: string, plural: string): string {
  return `${NUMBER.format(count)} ${ENGLISH.select(count) === "one" ? singular : plural}`;
}
