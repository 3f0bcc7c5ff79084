import { z } from "zod";
import { plainText } from "./text";

export const signInSchema = z.object({
  email: z
    .string({ message: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email({ message: "Enter an email address like name@example.com." }))
    .transform((email) => email.toLowerCase()),
  callbackUrl: plainText().max(2048).optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
