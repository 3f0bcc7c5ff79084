import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-zinc-600">{t("text")}</p>
      <ButtonLink href="/privacy-center" className="mt-6">
        {t("back")}
      </ButtonLink>
    </div>
  );
}
