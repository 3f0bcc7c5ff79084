import type { DataSubject } from "@/lib/sources/types";
import { sourceDatabase } from "@/lib/sources/source-database";

/** One customer record that matches an email, as a reviewer sees it when choosing between several. */
export type SubjectMatch = { id: string; displayName: string; customerSince: Date | null };

/**
 * The customer records in the company's data whose email is `email` (erased ones never match).
 * Identity is proven by the magic link; exactly one match lets the portal link the request to
 * that subject, several leave the choice to a reviewer.
 */
export async function findDataSubjects(email: string): Promise<SubjectMatch[]> {
  const { rows } = await sourceDatabase().query<{ id: string; displayName: string | null; customerSince: Date | null }>(
    `SELECT external_id AS id, full_name AS "displayName", created_at AS "customerSince"
       FROM streampay.customers WHERE lower(email) = lower($1) AND erased_at IS NULL ORDER BY created_at, id LIMIT 20`,
    [email],
  );
  return rows.map((row) => ({ id: row.id, displayName: row.displayName ?? row.id, customerSince: row.customerSince }));
}

/** The subject a request exports: the linked one, else the single email match, else nobody. */
export async function resolveDataSubject(request: { subjectId: string | null; email: string }): Promise<DataSubject> {
  if (request.subjectId) return { id: request.subjectId, email: request.email };
  const matches = await findDataSubjects(request.email);
  // No match (or an ambiguous one): sources find no records, and the archive says so.
  return { id: matches.length === 1 ? matches[0]!.id : "", email: request.email };
}
