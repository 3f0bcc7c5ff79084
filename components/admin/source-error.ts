// A collector's error as a reviewer can act on it. The raw message stays visible beside it.
const PLAIN: [RegExp, string][] = [
  [
    /does not exist|relation .* not found/i,
    "The data is not where this source expects it: a table or collection is missing or was renamed.",
  ],
  [/timed? ?out|ETIMEDOUT|aborted/i, "The system holding this data did not answer in time."],
  [/ECONNREFUSED|ENOTFOUND|ECONNRESET|connect|unreachable/i, "The system holding this data could not be reached."],
  [
    /\b(401|403)\b|unauthori[sz]ed|forbidden|invalid api key|rejected.*key/i,
    "The system refused the portal's credentials; check its API key.",
  ],
  [/\b429\b|rate limit/i, "The system asked us to slow down (rate limit); a retry later usually works."],
  [/\b5\d\d\b/, "The system holding this data had an error of its own."],
];

export function plainSourceError(message: string): string {
  return PLAIN.find(([pattern]) => pattern.test(message))?.[1] ?? "Collecting this source failed.";
}
