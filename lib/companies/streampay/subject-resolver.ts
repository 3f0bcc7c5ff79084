import type { SubjectMatch, SubjectResolver } from "@/lib/sources/company";
import { sourceDatabase } from "@/lib/sources/source-database";

// How StreamPay finds a data subject: the account email against streampay.customers, whose
// external_id is the id every StreamPay source is asked for. An Art. 17 erasure sets erased_at
// and blanks the email (streampay.erase_customer), so an erased customer is never found by email.

/**
 * A name folded as lib/disclosure/names.ts folds one (foldName): NFD, the combining diacritical
 * marks dropped, lower case, so "jurgen muller" finds "Jürgen Müller". The index
 * customers_full_name_key (prisma/demo-company/schema.sql) is on this very expression.
 */
const nameKey = (column: string) =>
  String.raw`lower(regexp_replace(normalize(${column}, NFD), '[\u0300-\u036f]', '', 'g'))`;

export const streampayResolver: SubjectResolver = {
  async findByEmail(email) {
    const { rows } = await sourceDatabase().query<SubjectMatch>(
      `SELECT external_id AS id, coalesce(full_name, external_id) AS "displayName", created_at AS "customerSince"
         FROM streampay.customers
        WHERE lower(email) = lower($1) AND erased_at IS NULL
        ORDER BY created_at, id
        LIMIT 20`,
      [email],
    );
    return rows;
  },

  async isErased(id) {
    const { rows } = await sourceDatabase().query(
      `SELECT 1 FROM streampay.customers WHERE external_id = $1 AND erased_at IS NOT NULL`,
      [id],
    );
    return rows.length > 0;
  },

  // Art. 15(4) (lib/disclosure): names in a subject's free text that are other live customers,
  // compared folded on both sides (NAME_KEY).
  async findOtherCustomersNamed(names, exceptSubjectId) {
    if (names.length === 0) return [];
    const { rows } = await sourceDatabase().query<{ name: string }>(
      `SELECT DISTINCT n.name
         FROM unnest($1::text[]) AS n(name)
         JOIN streampay.customers c ON ${nameKey("c.full_name")} = ${nameKey("n.name")}
        WHERE c.erased_at IS NULL AND c.external_id <> $2`,
      [names, exceptSubjectId],
    );
    return rows.map((row) => row.name);
  },

  async contactDetailsOf(id) {
    type Details = { email: string | null; phone: string | null; country: string | null };
    const { rows } = await sourceDatabase().query<Details>(
      `SELECT email, phone, country FROM streampay.customers WHERE external_id = $1 AND erased_at IS NULL`,
      [id],
    );
    return {
      emails: rows.flatMap((row) => (row.email ? [row.email] : [])),
      phones: rows.flatMap((row) => (row.phone ? [row.phone] : [])),
      country: rows[0]?.country ?? undefined,
    };
  },
};
