"use server";

import { objectToRequest, type ObjectionView } from "@/lib/mandates/object-to-request";
import { objectionSchema } from "@/lib/schemas/privacy-request";
import { publicAction } from "./procedure";

/**
 * The data subject's "I did not authorise this" button. No account is needed: the signed token
 * from the email is the proof (why: lib/mandates/objection-token.ts). The page then shows what
 * the objection changed, or why the link no longer works.
 */
export const objectToRequestAction = publicAction({ input: objectionSchema }, async ({ token }, { context }) => {
  const view: ObjectionView = await objectToRequest(token, context);
  return { ok: true, data: view.kind };
});
