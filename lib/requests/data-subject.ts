import type { SubjectMatch } from "@/lib/sources/company";
import { activeCompany } from "@/lib/sources/registry";
import type { DataSubject } from "@/lib/sources/types";

export type { SubjectMatch };

/**
 * The company's customer records whose email is `email`, as its resolver finds them (erased ones
 * never match). Identity is proven by the magic link; exactly one match lets the portal link the
 * request to that subject, several leave the choice to a reviewer.
 */
export async function findDataSubjects(email: string): Promise<SubjectMatch[]> {
  return activeCompany().resolver.findByEmail(email);
}

/**
 * The data subject's email for a request: the account's own, or for a request made by someone
 * else the one their mandate names. Every match, decision and export goes by this address.
 */
type WithSubjectEmail = { user: { email: string }; mandate?: { subjectEmail: string } | null };

export function subjectEmailOf(request: WithSubjectEmail): string {
  return request.mandate?.subjectEmail ?? request.user.email;
}

/** The subject a request exports: the linked one, else the single email match, else nobody. */
export async function resolveDataSubject(request: { subjectId: string | null; email: string }): Promise<DataSubject> {
  if (request.subjectId) return { id: request.subjectId, email: request.email };
  const matches = await findDataSubjects(request.email);
  // No match (or an ambiguous one): sources find no records, and the archive says so.
  return { id: matches.length === 1 ? matches[0]!.id : "", email: request.email };
}
