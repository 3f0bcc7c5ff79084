"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { objectToRequestAction } from "@/lib/actions/objection";

/** One button: the objection is a deliberate act (a POST), never a side effect of opening the link. */
export function ObjectionForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(objectToRequestAction, null);
  const t = useTranslations("objection");
  if (state?.ok && state.data === "objected") {
    return (
      <p role="status" className="rounded-md bg-green-50 px-4 py-3 text-green-900">
        {t("done")}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <p>{t("question")}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("button")}
      </Button>
    </form>
  );
}
