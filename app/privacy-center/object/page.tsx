import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { readObjection } from "@/lib/mandates/object-to-request";
import { ObjectionForm } from "./objection-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("objection"))("metaTitle") };
}

/**
 * Where the data subject's email leads when someone else asked for their data: who asked and as
 * what, and one button to object. No sign-in: the signed token is the proof, and looking at the
 * page changes nothing (a mail scanner that follows the link objects to nothing).
 */
export default async function ObjectionPage({ searchParams }: PageProps<"/privacy-center/object">) {
  const { token } = await searchParams;
  const t = await getTranslations("objection");
  const format = await getFormatter();
  const contact = env().COMPANY_CONTACT_EMAIL;
  const view = await readObjection(typeof token === "string" ? token : "");
  if (view.kind === "invalid" || view.kind === "expired") {
    return (
      <div className="max-w-2xl">
        <PageHeader title={t("title")} />
        <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-amber-900">
          {t(view.kind, { contact })}
        </p>
      </div>
    );
  }
  const tRelationship = await getTranslations("mandate.relationship");
  const facts = {
    agent: view.agentEmail,
    reference: view.reference,
    date: format.dateTime(view.submittedAt, { dateStyle: "long" }),
    relationship: tRelationship(view.relationship),
  };
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t("title")} description={t("text", facts)} />
      {view.kind === "open" ? (
        <ObjectionForm token={token as string} />
      ) : view.kind === "objected" ? (
        <p role="status" className="rounded-md bg-green-50 px-4 py-3 text-green-900">
          {t("already", { date: format.dateTime(view.objectedAt ?? new Date(), { dateStyle: "long" }) })}
        </p>
      ) : (
        <p className="rounded-md bg-zinc-100 px-4 py-3 text-zinc-800">{t("closed", { contact })}</p>
      )}
    </div>
  );
}
