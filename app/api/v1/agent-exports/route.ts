import { z } from "zod";
import { requestContextFrom } from "@/lib/audit/request-context";
import { acceptedExport } from "@/lib/api/accepted-export";
import { apiError, readFormData, withViewer } from "@/lib/api/handler";
import type { ApiErrorCode } from "@/lib/api/errors";
import { submitAgentPrivacyRequest } from "@/lib/dal/privacy-requests";
import { localizeFlatErrors, type MessageLookup } from "@/lib/i18n/localize-errors";
import { resolveRequestLocale } from "@/lib/i18n/request";
import { translator } from "@/lib/i18n/translator";
import type { MandateRefusal } from "@/lib/mandates/inspect-upload";
import { MANDATE_MAX_BYTES } from "@/lib/mandates/mandate-fields";
import { agentMandateSchema, newPrivacyRequestSchema } from "@/lib/schemas/privacy-request";

export const dynamic = "force-dynamic";

// What a refused mandate answers over HTTP: too big (RFC 9110 §15.5.14), not a type we take by its
// bytes (§15.5.16), or a PDF/PNG/JPEG whose content we refuse (RFC 4918 §11.2, 422).
const REFUSAL_CODE: Record<MandateRefusal, ApiErrorCode> = {
  mandateMissing: "invalid_request",
  mandateTooLarge: "mandate_too_large",
  mandateType: "mandate_unsupported_type",
  mandateActiveContent: "mandate_refused",
  mandateDimensions: "mandate_refused",
  mandateMalformed: "mandate_refused",
};

// The mandate and the request's few text fields; multipart framing adds a little.
const BODY_LIMIT = MANDATE_MAX_BYTES + 64 * 1024;

const agentExportSchema = newPrivacyRequestSchema.and(agentMandateSchema);

function fieldsOf(form: FormData): Record<string, unknown> {
  const text = (key: string) => (typeof form.get(key) === "string" ? form.get(key) : undefined);
  return {
    type: text("type"),
    formats: form.getAll("formats").length > 0 ? form.getAll("formats") : undefined,
    sourceKeys: form.getAll("sourceKeys"),
    rangeFrom: text("rangeFrom"),
    rangeTo: text("rangeTo"),
    subjectEmail: text("subjectEmail"),
    relationship: text("relationship"),
    mandate: form.get("mandate") ?? undefined,
  };
}

/**
 * POST /api/v1/agent-exports (multipart/form-data): a request for someone else with its mandate
 * file, under the request form's rules (docs/authorised-agents.md). Every refusal is a 4xx with a
 * stable code and nothing stored.
 */
export const POST = withViewer(
  async (request, { viewer }) => {
    const locale = await resolveRequestLocale(viewer);
    const t = translator(locale) as unknown as MessageLookup;
    const parsed = agentExportSchema.safeParse(fieldsOf(await readFormData(request, BODY_LIMIT)));
    if (!parsed.success) {
      const details = localizeFlatErrors(t, z.flattenError(parsed.error));
      const tooLarge = parsed.error.issues.some((issue) => issue.message === "errors.mandateTooLarge");
      if (tooLarge) return apiError("mandate_too_large", t("errors.mandateTooLarge"), details);
      return apiError("invalid_request", "The request body is not valid.", details);
    }
    const { subjectEmail, relationship, mandate, ...input } = parsed.data;
    const submitted = await submitAgentPrivacyRequest(
      viewer,
      input,
      { subjectEmail, relationship, mandate },
      requestContextFrom(request.headers),
      locale,
    );
    if (!submitted.ok) return apiError(REFUSAL_CODE[submitted.refusal], t(`errors.${submitted.refusal}`));
    return acceptedExport(submitted.request);
  },
  { body: "multipart/form-data" },
);
