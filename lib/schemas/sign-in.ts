import { z } from "zod";
import { emailAddress, plainText } from "./text";

// Messages are keys in messages/<locale>.json (lib/i18n/localize-errors.ts).
export const signInSchema = z.object({
  email: emailAddress(),
  callbackUrl: plainText().max(2048).optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
