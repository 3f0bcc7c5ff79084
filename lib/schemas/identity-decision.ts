import { z } from "zod";
import { plainText } from "./text";

/** A reviewer's approve / reject of a pending identity check; a rejection says why (the customer is told). */
export const identityDecisionSchema = z
  .object({
    requestId: z.uuid({ message: "Unknown request." }),
    decision: z.enum(["APPROVED", "REJECTED"], { message: "Choose approve or reject." }),
    reason: z.preprocess((v) => (v === "" ? undefined : v), plainText().trim().max(500, "Keep the reason under 500 characters.").optional()),
  })
  .refine((d) => d.decision === "APPROVED" || (d.reason && d.reason.length >= 5), {
    message: "Say why the identity check is rejected; the customer is told.",
    path: ["reason"],
  });

export type IdentityDecisionInput = z.infer<typeof identityDecisionSchema>;
