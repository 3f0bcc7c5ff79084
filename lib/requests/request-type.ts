import type { RequestType } from "@/lib/generated/prisma/enums";

/** The request types in the order the customer sees them; their texts are `requestType.<TYPE>` in messages/. */
export const REQUEST_TYPE_ORDER = ["ACCESS", "PORTABILITY"] as const satisfies readonly RequestType[];

/** The staff console's names for the request types, in staff's words (the console is in English). */
export const STAFF_REQUEST_TYPES: Record<RequestType, { title: string; article: string }> = {
  ACCESS: { title: "Access (a copy of the data)", article: "Art. 15 GDPR, right of access" },
  PORTABILITY: { title: "Portability (a portable copy)", article: "Art. 20 GDPR, right to data portability" },
};
