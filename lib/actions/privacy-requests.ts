"use server";

import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { AuditContext } from "@/lib/audit";
import { requestContext } from "@/lib/audit/request-context";
import { cancelOwnPrivacyRequest, submitAgentPrivacyRequest, submitPrivacyRequest } from "@/lib/dal/privacy-requests";
import { getViewer, type Viewer } from "@/lib/dal/session";
import { RequestRefusedError } from "@/lib/requests/create-privacy-request";
import { requestFormInput } from "@/lib/schemas/privacy-request";
import { z } from "zod";
import { action, ActionRefusedError, formFields } from "./procedure";
import { actionError, type ActionResult } from "./result";

type FormInput = z.output<typeof requestFormInput>;

/** One submission, for the person's own data or (onBehalf=yes) for someone else with a mandate. */
async function submit(form: FormInput, viewer: Viewer, context: AuditContext): Promise<ActionResult<{ id: string }>> {
  const locale = await getLocale();
  const { type, sourceKeys, formats, rangeFrom, rangeTo } = form;
  const request = { type, sourceKeys, formats, rangeFrom, rangeTo };
  if (form.onBehalf === "no") return { ok: true, data: await submitPrivacyRequest(viewer, request, context, locale) };
  const submitted = await submitAgentPrivacyRequest(viewer, request, form, context, locale);
  if (submitted.ok) return { ok: true, data: submitted.request };
  const t = await getTranslations("errors");
  return actionError(t(submitted.refusal), { mandate: [t(submitted.refusal)] });
}

/** The request form: on success, straight to the new request's status page. */
export const submitPrivacyRequestAction = action(
  {
    who: "signed-in",
    input: requestFormInput,
    invalidMessage: "errors.checkAnswers",
    // Checkboxes: none ticked sends nothing, one ticked sends a single value; both are lists here.
    fromForm: (formData) => ({
      ...formFields(formData),
      sourceKeys: formData.getAll("sourceKeys"),
      formats: formData.getAll("formats"),
      onBehalf: formData.get("onBehalf") === "yes" ? "yes" : "no",
      // The one field that is not text: the uploaded mandate (a File, or nothing).
      mandate: formData.get("mandate") ?? undefined,
    }),
  },
  async (form, { viewer, context }) => {
    let result: ActionResult<{ id: string }>;
    try {
      result = await submit(form, viewer, context);
    } catch (error) {
      if (error instanceof RequestRefusedError) {
        const t = await getTranslations("errors");
        throw new ActionRefusedError(t(error.code, error.values));
      }
      throw error;
    }
    if (!result.ok) return result;
    redirect(`/privacy-center/requests/${result.data.id}`);
  },
);

/** The status page's cancel button (bound to the request id); the page explains a refusal. */
export async function cancelPrivacyRequestAction(requestId: string): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: `/privacy-center/requests/${requestId}` })}`);
  const cancelled = await cancelOwnPrivacyRequest(viewer, String(requestId), await requestContext());
  redirect(`/privacy-center/requests/${requestId}${cancelled ? "" : "?notice=not-cancellable"}`);
}
