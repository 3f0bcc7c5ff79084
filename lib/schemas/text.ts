import { z } from "zod";

// Text a person typed. PostgreSQL's text type cannot hold U+0000 (it answers "invalid byte
// sequence", a 500 if it got that far), and no person types one: refuse it at the boundary.
const NUL = "\u0000";

export function plainText(message = "Remove the invisible control characters from this text.") {
  return z.string().refine((value) => !value.includes(NUL), { message });
}
