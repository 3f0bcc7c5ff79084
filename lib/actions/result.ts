// Server actions return errors as values: a message a person can act on, and per-field messages
// for forms. Exceptions are for bugs.
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> };

export const actionError = (
  error: string,
  fieldErrors?: Record<string, string[] | undefined>,
): ActionResult<never> => ({
  ok: false,
  error,
  fieldErrors,
});
