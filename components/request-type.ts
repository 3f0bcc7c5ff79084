import type { RequestType } from "@/lib/generated/prisma/enums";

/** The request types in the order the customer sees them; their texts are `requestType.<TYPE>` in messages/. */
export const REQUEST_TYPE_ORDER = ["ACCESS", "PORTABILITY"] as const satisfies readonly RequestType[];
