"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { REQUEST_TYPE_ORDER } from "@/lib/requests/request-type";
import { Button } from "@/components/ui/button";
import { submitPrivacyRequestAction } from "@/lib/actions/privacy-requests";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { MANDATE_MAX_BYTES } from "@/lib/mandates/mandate-fields";
import { FieldError } from "./field-error";
import { OnBehalfFields } from "./on-behalf-fields";

type SourceOption = { key: string; title: string; description: string };

type Errors = Record<string, string[] | undefined>;

const TYPE_OPTION =
  "flex gap-3 rounded-lg border border-zinc-200 bg-white p-4 has-checked:border-brand-600 has-checked:bg-brand-50";

function TypeField({ selected, errors }: { selected: RequestType; errors: Errors }) {
  const t = useTranslations("form");
  const tType = useTranslations("requestType");
  return (
    <fieldset aria-describedby={errors.type ? "type-error" : undefined}>
      <legend className="text-lg font-semibold">{t("whatTitle")}</legend>
      <div className="mt-3 space-y-3">
        {REQUEST_TYPE_ORDER.map((key) => (
          <label key={key} className={TYPE_OPTION}>
            <input type="radio" name="type" value={key} defaultChecked={key === selected} className="mt-1" />
            <span>
              <span className="block font-medium">{tType(`${key}.title`)}</span>
              <span className="block text-sm text-zinc-600">{tType(`${key}.summary`)}</span>
              <span className="block text-xs text-zinc-600">{tType(`${key}.article`)}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id="type-error" messages={errors.type} />
    </fieldset>
  );
}

function SourcesField({ sources, errors }: { sources: SourceOption[]; errors: Errors }) {
  const t = useTranslations("form");
  return (
    <fieldset aria-describedby={errors.sourceKeys ? "sources-error" : "sources-hint"}>
      <legend className="text-lg font-semibold">{t("whichTitle")}</legend>
      <p id="sources-hint" className="mt-1 text-sm text-zinc-600">
        {t("whichHint")}
      </p>
      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {sources.map((source) => (
          <label key={source.key} className="flex gap-3 rounded-lg border border-zinc-200 bg-white p-3">
            <input type="checkbox" name="sourceKeys" value={source.key} defaultChecked className="mt-1" />
            <span>
              <span className="block font-medium">{source.title}</span>
              <span className="block text-sm text-zinc-600">{source.description}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id="sources-error" messages={errors.sourceKeys} />
    </fieldset>
  );
}

function FormatsField({ errors }: { errors: Errors }) {
  const t = useTranslations("form");
  return (
    <fieldset aria-describedby={errors.formats ? "formats-error" : undefined}>
      <legend className="text-lg font-semibold">{t("formatsTitle")}</legend>
      <div className="mt-3 flex flex-wrap gap-4">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="formats" value="JSON" defaultChecked /> {t("formatJson")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="formats" value="CSV" defaultChecked /> {t("formatCsv")}
        </label>
      </div>
      <FieldError id="formats-error" messages={errors.formats} />
    </fieldset>
  );
}

function DateField({ name, label, errorId, errors }: { name: string; label: string; errorId: string; errors: Errors }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="date"
        aria-describedby={errors[name] ? errorId : undefined}
        className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2"
      />
      <FieldError id={errorId} messages={errors[name]} />
    </div>
  );
}

function RangeField({ errors }: { errors: Errors }) {
  const t = useTranslations("form");
  return (
    <details className="rounded-lg border border-zinc-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">{t("rangeTitle")}</summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <DateField name="rangeFrom" label={t("rangeFrom")} errorId="from-error" errors={errors} />
        <DateField name="rangeTo" label={t("rangeTo")} errorId="to-error" errors={errors} />
      </div>
    </details>
  );
}

type RequestFormProps = { selected: RequestType; sources: SourceOption[]; retentionDays: number; companyName: string };

/**
 * A mandate over the limit is stopped here, before sending, with words a person can act on:
 * past the server action's body limit (next.config.ts) Next.js could only answer with an error page.
 */
function mandateTooLarge(data: FormData): boolean {
  const file = data.get("onBehalf") === "yes" ? data.get("mandate") : null;
  return file instanceof File && file.size > MANDATE_MAX_BYTES;
}

export function RequestForm({ selected, sources, retentionDays, companyName }: RequestFormProps) {
  const [state, action, pending] = useActionState(submitPrivacyRequestAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const t = useTranslations("form");
  const errors: Errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // Sent by hand once the page is live, rather than by React's form action: that clears the form
  // after every answer, and a refused mandate would take the person's other answers with it.
  // Without JavaScript the form posts to the same action.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const refuse = mandateTooLarge(data);
    setTooLarge(refuse);
    if (!refuse) startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={submit} className="space-y-8" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <TypeField selected={selected} errors={errors} />
      <SourcesField sources={sources} errors={errors} />
      <FormatsField errors={errors} />
      <RangeField errors={errors} />
      <OnBehalfFields companyName={companyName} errors={errors} tooLarge={tooLarge} />
      <div>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1"
            aria-describedby={errors.confirm ? "confirm-error" : undefined}
          />
          {/* Which sentence shows follows the "someone else" checkbox (app/globals.css). */}
          <span className="confirm-own">{t("confirm", { days: retentionDays })}</span>
          <span className="confirm-agent">{t("confirmAgent", { days: retentionDays })}</span>
        </label>
        <FieldError id="confirm-error" messages={errors.confirm} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
