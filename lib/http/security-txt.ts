// /.well-known/security.txt, RFC 9116: how to report a vulnerability. Contact and Expires are
// required (§2.5.3, §2.5.5); Expires must be in the future and "less than a year" ahead is
// recommended, so it is computed at each request rather than written into a file that goes stale.
// Canonical (§2.5.2) names the URL the file is meant to be read at; Policy (§2.5.7) is optional.

export type SecurityTxtInput = {
  contact: string;
  canonical: string;
  policy?: string;
  languages?: string[];
  now: Date;
};

/** Days ahead of now the file's Expires lies (RFC 9116 §2.5.5: under a year). */
export const SECURITY_TXT_VALID_DAYS = 364;

export function securityTxt(input: SecurityTxtInput): string {
  const expires = new Date(input.now.getTime() + SECURITY_TXT_VALID_DAYS * 24 * 60 * 60 * 1000);
  const lines = [
    `Contact: ${input.contact}`,
    // RFC 3339 (§5.6 date-time), in UTC, to the second.
    `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    `Canonical: ${input.canonical}`,
    ...(input.policy ? [`Policy: ${input.policy}`] : []),
    ...(input.languages?.length ? [`Preferred-Languages: ${input.languages.join(", ")}`] : []),
  ];
  return `${lines.join("\n")}\n`;
}
