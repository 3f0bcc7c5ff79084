import type { Messages } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translator";

type Kind = keyof Messages["agentEmail"];

/**
 * Where a requester's email finds its words. An agent asking for someone else's data (a mandate,
 * GDPR Art. 12(6)) reads of "the data of <subject>" (agentEmail.*), as the status page speaks to
 * them (agentStatus.*); everyone else of "your data" (email.*). `subject` fills {subject}.
 */
export function requesterWording<K extends Kind>(kind: K, onBehalfOf: string | null | undefined) {
  return onBehalfOf
    ? { key: `agentEmail.${kind}` as const, subject: onBehalfOf }
    : { key: `email.${kind}` as const, subject: "" };
}

/** The requester's subject line: "Your data is ready (…)", or for an agent "The data of <subject> is ready (…)". */
export function requesterSubjectLine(
  kind: Kind,
  props: { locale: string; reference: string; onBehalfOf?: string | null },
): string {
  const { key, subject } = requesterWording(kind, props.onBehalfOf);
  return translator(props.locale)(`${key}.subject`, { reference: props.reference, subject });
}
