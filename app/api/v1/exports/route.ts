import { requestContextFrom } from "@/lib/audit/request-context";
import { acceptedExport } from "@/lib/api/accepted-export";
import { apiError, readJson, withViewer } from "@/lib/api/handler";
import { submitPrivacyRequest } from "@/lib/dal/privacy-requests";
import { localizeFlatErrors, type MessageLookup } from "@/lib/i18n/localize-errors";
import { resolveRequestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import { newPrivacyRequestSchema } from "@/lib/schemas/privacy-request";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** POST /api/v1/exports: a new request for the signed-in customer, under the form's rules. */
export const POST = withViewer(async (request, { viewer }) => {
  const locale = await resolveRequestLocale(viewer);
  const parsed = newPrivacyRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) {
    const t = translator(locale) as unknown as MessageLookup;
    return apiError(
      "invalid_request",
      "The request body is not valid.",
      localizeFlatErrors(t, z.flattenError(parsed.error)),
    );
  }
  const created = await submitPrivacyRequest(viewer, parsed.data, requestContextFrom(request.headers), locale);
  return acceptedExport(created);
});
