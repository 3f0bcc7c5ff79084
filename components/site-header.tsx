import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { getViewer, isStaff } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const viewer = await getViewer();
  const t = await getTranslations("layout");
  const company = env().COMPANY_NAME;
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-zinc-900">
          {/* Decorative: the link's text names the site. */}
          <Image src="/logo.svg" alt="" width={32} height={32} className="h-8 w-8" priority />
          <span>{t("siteName", { company })}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-1 text-sm">
            <Link className="rounded-md px-3 py-2 text-zinc-700 hover:bg-zinc-100" href="/privacy-center">
              {t("yourData")}
            </Link>
            {viewer && isStaff(viewer) ? (
              <Link className="rounded-md px-3 py-2 text-zinc-700 hover:bg-zinc-100" href="/admin">
                {/* The staff console is in English, and its name stays out of the messages every page ships. */}
                Review console
              </Link>
            ) : null}
            {viewer ? (
              <form action={signOutAction} className="flex items-center gap-2">
                <span className="hidden px-2 text-zinc-500 sm:inline" data-testid="signed-in-as">
                  {viewer.email}
                </span>
                <button type="submit" className="rounded-md px-3 py-2 font-medium text-zinc-700 hover:bg-zinc-100">
                  {t("signOut")}
                </button>
              </form>
            ) : (
              <Link className="rounded-md px-3 py-2 font-medium text-brand-700 hover:bg-brand-50" href="/sign-in">
                {t("signIn")}
              </Link>
            )}
          </nav>
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
