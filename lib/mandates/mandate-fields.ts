import type { MandateRelationship } from "@/lib/generated/prisma/enums";

// What the "I am asking for someone else" fields accept, in one place for the form (which says
// so before sending), the schema, the byte check and next.config.ts (the server action's body
// limit). Safe for the browser bundle: nothing here reads the server.

/** The largest mandate the request form takes. */
export const MANDATE_MAX_BYTES = 10 * 1024 * 1024;

/** The relationships, in the order the form offers them; their words are `mandate.relationship.*` in messages/. */
export const MANDATE_RELATIONSHIPS = [
  "PARENT_OR_GUARDIAN",
  "LAWYER",
  "AUTHORISED_AGENT",
  "OTHER",
] as const satisfies readonly MandateRelationship[];
