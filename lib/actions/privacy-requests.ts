"use server";

import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requestContext } from "@/lib/audit/request-context";
import { cancelOwnPrivacyRequest, submitPrivacyRequest } from "@/lib/dal/privacy-requests";
import { getViewer } from "@/lib/dal/session";
import { RequestRefusedError } from "@/lib/requests/create-privacy-request";
import { privacyRequestFormInput } from "@/lib/schemas/privacy-request";
import { action, ActionRefusedError, formFields } from "./procedure";

/** The request form: on success, straight to the new request's status page. */
export const submitPrivacyRequestAction = action(
  {
    who: "signed-in",
    input: privacyRequestFormInput,
    invalidMessage: "errors.checkAnswers",
    // Checkboxes: none ticked sends nothing, one ticked sends a single value; both are lists here.
    fromForm: (formData) => ({ ...formFields(formData), sourceKeys: formData.getAll("sourceKeys"), formats: formData.getAll("formats") }),
  },
  async ({ confirm: _confirmed, ...request }, { viewer, context }) => {
    let created: { id: string };
    try {
      created = await submitPrivacyRequest(viewer, request, context, await getLocale());
    } catch (error) {
      if (error instanceof RequestRefusedError) {
        const t = await getTranslations("errors");
        throw new ActionRefusedError(t(error.code, error.values));
      }
      throw error;
    }
    redirect(`/privacy-center/requests/${created.id}`);
  },
);

/** The status page's cancel button (bound to the request id); the page explains a refusal. */
export async function cancelPrivacyRequestAction(requestId: string): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: `/privacy-center/requests/${requestId}` })}`);
  const cancelled = await cancelOwnPrivacyRequest(viewer, String(requestId), await requestContext());
  redirect(`/privacy-center/requests/${requestId}${cancelled ? "" : "?notice=not-cancellable"}`);
}
