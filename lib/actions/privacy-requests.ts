"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requestContext } from "@/lib/audit/request-context";
import { cancelOwnPrivacyRequest, submitPrivacyRequest } from "@/lib/dal/privacy-requests";
import { getViewer } from "@/lib/dal/session";
import { RequestRefusedError } from "@/lib/requests/create-privacy-request";
import { newPrivacyRequestSchema, privacyRequestFormSchema } from "@/lib/schemas/privacy-request";
import { actionError, type ActionResult } from "./result";

const SIGNED_OUT = "Your session has ended. Please sign in again.";

/** The request form: on success, straight to the new request's status page. */
export async function submitPrivacyRequestAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await getViewer();
  if (!viewer) return actionError(SIGNED_OUT);
  const text = (name: string) => (formData.get(name) ?? undefined) as string | undefined;
  const request = newPrivacyRequestSchema.safeParse({
    type: text("type"),
    sourceKeys: formData.getAll("sourceKeys"),
    formats: formData.getAll("formats"),
    rangeFrom: text("rangeFrom"),
    rangeTo: text("rangeTo"),
  });
  const form = privacyRequestFormSchema.safeParse({ confirm: text("confirm") });
  if (!request.success || !form.success) {
    const fieldErrors = {
      ...(request.success ? {} : z.flattenError(request.error).fieldErrors),
      ...(form.success ? {} : z.flattenError(form.error).fieldErrors),
    };
    return actionError("Please check the highlighted answers.", fieldErrors);
  }
  let created: { id: string };
  try {
    created = await submitPrivacyRequest(viewer, request.data, await requestContext());
  } catch (error) {
    if (error instanceof RequestRefusedError) return actionError(error.message);
    throw error;
  }
  redirect(`/privacy-center/requests/${created.id}`);
}

/** The status page's cancel button (bound to the request id); the page explains a refusal. */
export async function cancelPrivacyRequestAction(requestId: string): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: `/privacy-center/requests/${requestId}` })}`);
  const cancelled = await cancelOwnPrivacyRequest(viewer, String(requestId), await requestContext());
  redirect(`/privacy-center/requests/${requestId}${cancelled ? "" : "?notice=not-cancellable"}`);
}
