import type { MandateRelationship } from "@/lib/generated/prisma/enums";

/** How the review console names each relationship. */
export const STAFF_RELATIONSHIP_LABEL: { readonly [R in MandateRelationship]: string } = {
  PARENT_OR_GUARDIAN: "Parent or guardian",
  LAWYER: "Lawyer",
  AUTHORISED_AGENT: "Authorised agent",
  OTHER: "Other representative",
};
