import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";

const FOOTER_BAR =
  "mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-zinc-600 sm:px-6";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-white">
      <div className={FOOTER_BAR}>
        <p>{t("footerLine", { company: env().COMPANY_NAME })}</p>
        <nav aria-label={t("footerNav")} className="flex gap-4">
          <Link className="underline-offset-4 hover:underline" href="/privacy-policy">
            {t("privacyPolicy")}
          </Link>
          <Link className="underline-offset-4 hover:underline" href="/privacy-center">
            {t("privacyCenter")}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
