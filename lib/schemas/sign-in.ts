import { z } from "zod";
import { plainText } from "./text";

// Messages are keys in messages/<locale>.json (lib/i18n/localize-errors.ts).
export const signInSchema = z.object({
  email: z
    .string({ message: "errors.emailRequired" })
    .trim()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailTooLong")
    .pipe(z.email({ message: "errors.emailInvalid" }))
    .transform((email) => email.toLowerCase()),
  callbackUrl: plainText().max(2048).optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
