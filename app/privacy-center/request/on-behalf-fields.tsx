"use client";

import { useTranslations } from "next-intl";
import { MANDATE_RELATIONSHIPS } from "@/lib/mandates/mandate-fields";
import { FieldError } from "./field-error";

// "I am asking for someone else" (GDPR recital 63, Art. 12(6)): the data subject's email, the
// relationship and the mandate. Shown only when ticked, by CSS (app/globals.css), so it works
// before the page's JavaScript has loaded, or without it; the server checks all of it again.

type Props = {
  companyName: string;
  errors: Record<string, string[] | undefined>;
  /** A file over the limit, found before sending (the server's body limit would refuse it bluntly). */
  tooLarge: boolean;
};

/** The mandate file: PDF, PNG or JPEG; the server checks its bytes (lib/mandates/inspect-upload.ts). */
function MandateField({ errors }: { errors?: string[] }) {
  const t = useTranslations("form");
  return (
    <div>
      <label htmlFor="mandate" className="block text-sm font-medium">
        {t("mandate")}
      </label>
      <p id="mandate-hint" className="text-sm text-zinc-600">
        {t("mandateHint")}
      </p>
      <input
        id="mandate"
        name="mandate"
        type="file"
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        aria-describedby={errors ? "mandate-hint mandate-error" : "mandate-hint"}
        className="mt-2 block w-full text-sm"
      />
      <FieldError id="mandate-error" messages={errors} />
    </div>
  );
}

export function OnBehalfFields({ companyName, errors, tooLarge }: Props) {
  const t = useTranslations("form");
  const tRelationship = useTranslations("mandate.relationship");
  const mandateErrors = tooLarge ? [t("mandateTooLargeNow")] : errors.mandate;
  return (
    <fieldset aria-describedby="on-behalf-hint" className="on-behalf">
      <legend className="text-lg font-semibold">{t("onBehalfTitle")}</legend>
      <label className="mt-3 flex items-start gap-3">
        <input type="checkbox" name="onBehalf" value="yes" className="mt-1" />
        <span>{t("onBehalf")}</span>
      </label>
      <p id="on-behalf-hint" className="mt-1 text-sm text-zinc-600">
        {t("onBehalfHint")}
      </p>
      <div className="on-behalf-fields mt-4 space-y-5 rounded-lg border border-zinc-200 bg-white p-4">
        <div>
          <label htmlFor="subjectEmail" className="block text-sm font-medium">
            {t("subjectEmail", { company: companyName })}
          </label>
          <input
            id="subjectEmail"
            name="subjectEmail"
            type="email"
            autoComplete="off"
            aria-describedby={errors.subjectEmail ? "subject-email-error" : undefined}
            className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2"
          />
          <FieldError id="subject-email-error" messages={errors.subjectEmail} />
        </div>
        <fieldset aria-describedby={errors.relationship ? "relationship-error" : undefined}>
          <legend className="text-sm font-medium">{t("relationship")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {MANDATE_RELATIONSHIPS.map((relationship) => (
              <label key={relationship} className="flex items-center gap-2 text-sm">
                <input type="radio" name="relationship" value={relationship} /> {tRelationship(relationship)}
              </label>
            ))}
          </div>
          <FieldError id="relationship-error" messages={errors.relationship} />
        </fieldset>
        <MandateField errors={mandateErrors} />
      </div>
    </fieldset>
  );
}
