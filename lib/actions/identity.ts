"use server";

import { revalidatePath } from "next/cache";
import { decideIdentity } from "@/lib/dal/privacy-requests";
import { identityDecisionSchema } from "@/lib/schemas/identity-decision";
import { action } from "./procedure";
import { actionError } from "./result";

/** The review console's approve / reject buttons. */
export const decideIdentityAction = action({ who: "staff", input: identityDecisionSchema }, async ({ requestId, ...decision }, { viewer, context }) => {
  const decided = await decideIdentity(viewer, requestId, decision, context);
  if (!decided) return actionError("This identity check was already decided.");
  revalidatePath("/admin");
  return { ok: true, data: undefined };
});
