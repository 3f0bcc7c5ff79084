import { z } from "zod";

// Text a person typed. PostgreSQL's text type cannot hold U+0000 (it answers "invalid byte
// sequence", a 500 if it got that far), and no person types one: refuse it at the boundary.
const NUL = "\u0000";

export function plainText(message = "Remove the invisible control characters from this text.") {
  return z.string().refine((value) => !value.includes(NUL), { message });
}

/** An email address a person typed: trimmed, lower-cased, with a message key for each problem. */
export function emailAddress(required = "errors.emailRequired") {
  return z
    .string({ message: required })
    .trim()
    .min(1, required)
    .max(254, "errors.emailTooLong")
    .pipe(z.email({ message: "errors.emailInvalid" }))
    .transform((email) => email.toLowerCase());
}
