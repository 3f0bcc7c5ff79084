import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { resolveRequestLocale, resolveVisitorLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit";
import { requestContext } from "@/lib/audit/request-context";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/database/availability";
import { getViewer, isAdmin, isStaff, type Viewer } from "@/lib/dal/session";
import { localizeFieldErrors, localizeMessage, type MessageLookup } from "@/lib/i18n/localize-errors";
import { withLogContext } from "@/lib/observability/log-context";
import { requestIdOf } from "@/lib/observability/request-id";
import { actionError, type ActionResult } from "./result";

// Every server action is built here from who may call it and its input schema (lib/schemas), the
// counterpart of the API's withViewer: the action body receives a viewer of the right role and
// parsed input, and returns a result value. A caller without the role gets the same answer as for
// a request that does not exist.

export type Audience = "signed-in" | "staff" | "admin";

/** A refusal the person can act on (already decided, not allowed now): its message is shown as is. */
export class ActionRefusedError extends Error {
  override name = "ActionRefusedError";
}

// Message keys (messages/<locale>.json), translated into the person's language below.
export const SIGNED_OUT = "errors.signedOut";
export const NOT_FOUND = "errors.notFound";

const allowed: Record<Audience, (viewer: Viewer) => boolean> = {
  "signed-in": () => true,
  staff: isStaff,
  admin: isAdmin,
};

/** A form's fields as an object: a field sent several times (checkboxes) becomes an array. */
export function formFields(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    fields[key] = values.length > 1 ? values : values[0];
  }
  return fields;
}

type Context = { viewer: Viewer; context: AuditContext };

/**
 * An action anyone may call because its input carries its own proof (a signed link's token,
 * checked by the handler): the data subject's objection, who has no account with us. Same
 * parsing, messages and failure handling as every other action.
 */
export function publicAction<S extends z.ZodType, T = undefined>(
  spec: { input: S; invalidMessage?: string },
  handler: (input: z.output<S>, context: { context: AuditContext }) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (_previous, formData) => {
    try {
      // The caller's cookie and browser choose the language; there is no account to ask.
      const t = translator(await resolveRequestLocale(null)) as unknown as MessageLookup;
      const parsed = spec.input.safeParse(formFields(formData));
      if (!parsed.success) {
        const problem = spec.invalidMessage ?? parsed.error.issues[0]?.message ?? "errors.checkForm";
        return actionError(localizeMessage(t, problem));
      }
      const result = await handler(parsed.data, { context: await requestContext() });
      return result.ok ? result : { ...result, error: localizeMessage(t, result.error) };
    } catch (error) {
      unstable_rethrow(error);
      if (!isDatabaseUnavailable(error)) throw error;
      return actionError(translator(await resolveVisitorLocale())(DATABASE_UNAVAILABLE_MESSAGE));
    }
  };
}

export function action<S extends z.ZodType, T = undefined>(
  spec: {
    who: Audience;
    input: S;
    fromForm?: (formData: FormData) => unknown;
    /**
     * The summary above a form that marks each field (a message key or text); by default the first
     * problem's own message.
     */
    invalidMessage?: string;
  },
  handler: (input: z.output<S>, context: Context) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  // Every line the action logs carries the request id proxy.ts gave its POST.
  return async (previous, formData) =>
    withLogContext({ requestId: requestIdOf(await headers()) }, () => run(previous, formData));
  async function run(_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> {
    try {
      // Inside the try: the language may come from the account, which needs the database.
      const t = translator(await resolveRequestLocale()) as unknown as MessageLookup;
      const viewer = await getViewer();
      if (!viewer) return actionError(t(SIGNED_OUT));
      if (!allowed[spec.who](viewer)) return actionError(t(NOT_FOUND));
      const parsed = spec.input.safeParse((spec.fromForm ?? formFields)(formData));
      if (!parsed.success) {
        const fieldErrors =
          parsed.error.issues.length > 0
            ? (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>)
            : undefined;
        return actionError(
          localizeMessage(t, spec.invalidMessage ?? parsed.error.issues[0]?.message ?? "errors.checkForm"),
          localizeFieldErrors(t, fieldErrors),
        );
      }
      const result = await handler(parsed.data, { viewer, context: await requestContext() });
      return result.ok ? result : { ...result, error: localizeMessage(t, result.error) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof ActionRefusedError) return actionError(error.message);
      // The database is away (failover, restart): a transaction that failed committed nothing.
      if (isDatabaseUnavailable(error))
        return actionError(translator(await resolveVisitorLocale())(DATABASE_UNAVAILABLE_MESSAGE));
      throw error;
    }
  }
}
