import type { DataSubject } from "@/lib/sources/types";
import { sourceDatabase } from "@/lib/sources/source-database";

/**
 * The data subjects in the company's data whose email is `email`. Identity is proven by the
 * magic link; exactly one match lets the portal link the request to that subject.
 */
export async function findDataSubjects(email: string): Promise<DataSubject[]> {
  const { rows } = await sourceDatabase().query<{ id: string; email: string }>(
    `SELECT external_id AS id, email FROM streampay.customers WHERE lower(email) = lower($1) AND erased_at IS NULL LIMIT 2`,
    [email],
  );
  return rows;
}

/** The subject a request exports: the linked one, else the single email match, else nobody. */
export async function resolveDataSubject(request: { subjectId: string | null; email: string }): Promise<DataSubject> {
  if (request.subjectId) return { id: request.subjectId, email: request.email };
  const matches = await findDataSubjects(request.email);
  // No match (or an ambiguous one): sources find no records, and the archive says so.
  return matches.length === 1 ? matches[0]! : { id: "", email: request.email };
}
