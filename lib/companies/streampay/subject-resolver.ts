import type { SubjectMatch, SubjectResolver } from "@/lib/sources/company";
import { sourceDatabase } from "@/lib/sources/source-database";

// How StreamPay finds a data subject: the account email against streampay.customers, whose
// external_id is the id every StreamPay source is asked for. An Art. 17 erasure sets erased_at
// and blanks the email (streampay.erase_customer), so an erased customer is never found by email.

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
    const { rows } = await sourceDatabase().query(`SELECT 1 FROM streampay.customers WHERE external_id = $1 AND erased_at IS NOT NULL`, [id]);
    return rows.length > 0;
  },
};
