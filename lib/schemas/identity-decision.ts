import { z } from "zod";
import { plainText } from "./text";

/** A reviewer's decision on an identity check, from the review console's form. */
export const identityDecisionSchema = z
  .object({
    requestId: z.uuid({ message: "Unknown request." }),
    decision: z.enum(["APPROVED", "REJECTED"], { message: "Choose approve or reject." }),
    reason: plainText().trim().max(500, "Keep the reason under 500 characters.").optional(),
  })
  .refine((d) => d.decision === "APPROVED" || (d.reason && d.reason.length >= 5), {
    message: "Say why the identity check is rejected; the customer is told.",
    path: ["reason"],
  });
