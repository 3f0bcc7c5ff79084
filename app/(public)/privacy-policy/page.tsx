import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("policy"))("title") };
}

export default async function PrivacyPolicyPage() {
  const company = env().COMPANY_NAME;
  const t = await getTranslations("policy");
  return (
    <article className="prose max-w-2xl space-y-6 text-zinc-800">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p>{t("intro", { company })}</p>
      <section aria-labelledby="your-rights" className="space-y-3">
        <h2 id="your-rights" className="text-xl font-semibold">
          {t("rightsTitle")}
        </h2>
        <p>{t("rightsText")}</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <Link className="font-medium text-brand-700 underline" href="/privacy-center/request?type=access">
              {t("accessLink")}
            </Link>{" "}
            {t("accessRight")}
          </li>
          <li>
            <Link className="font-medium text-brand-700 underline" href="/privacy-center/request?type=portability">
              {t("portabilityLink")}
            </Link>{" "}
            {t("portabilityRight")}
          </li>
        </ul>
      </section>
      <section aria-labelledby="contact" className="space-y-3">
        <h2 id="contact" className="text-xl font-semibold">
          {t("contactTitle")}
        </h2>
        <p>{t("contactText", { email: env().COMPANY_DPO_EMAIL })}</p>
      </section>
    </article>
  );
}
