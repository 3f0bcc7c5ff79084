// Validation schemas (lib/schemas) carry message keys such as "errors.formatRequired", so one
// schema serves every language; the edge that shows the message (a server action, the API)
// translates it. A message that is not a key (a staff-console schema) is shown as it is.

export type MessageLookup = { (key: string): string; has(key: string): boolean };

export function localizeMessage(t: MessageLookup, message: string): string {
  return t.has(message) ? t(message) : message;
}

export function localizeFieldErrors(
  t: MessageLookup,
  fieldErrors: Record<string, string[] | undefined> | undefined,
): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, (messages ?? []).map((m) => localizeMessage(t, m))]),
  );
}

/** z.flattenError's shape, with every message translated (the exports API's `details`). */
export function localizeFlatErrors(
  t: MessageLookup,
  flat: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> },
): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  return {
    formErrors: flat.formErrors.map((m) => localizeMessage(t, m)),
    fieldErrors: localizeFieldErrors(t, flat.fieldErrors) ?? {},
  };
}
