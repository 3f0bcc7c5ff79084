"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestContext } from "@/lib/audit/request-context";
import { decideIdentity } from "@/lib/dal/privacy-requests";
import { getViewer, isStaff } from "@/lib/dal/session";
import { identityDecisionSchema } from "@/lib/schemas/identity-decision";
import { actionError, type ActionResult } from "./result";

/** The review console's approve / reject buttons. */
export async function decideIdentityAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await getViewer();
  if (!viewer || !isStaff(viewer)) return actionError("Only compliance staff can decide identity checks.");
  const parsed = identityDecisionSchema.safeParse({
    requestId: formData.get("requestId"),
    decision: formData.get("decision"),
    reason: formData.get("reason") || undefined,
  });
  if (!parsed.success) return actionError(parsed.error.issues[0]!.message, z.flattenError(parsed.error).fieldErrors);
  const { requestId, ...decision } = parsed.data;
  const decided = await decideIdentity(viewer, requestId, decision, await requestContext());
  if (!decided) return actionError("This identity check was already decided.");
  revalidatePath("/admin");
  return { ok: true, data: undefined };
}
