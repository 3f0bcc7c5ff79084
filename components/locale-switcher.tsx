import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/locale";
import { availableLocales } from "@/lib/i18n/catalog";

const LOCALE_BUTTON =
  "rounded-md px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 " +
  "aria-pressed:bg-zinc-100 aria-pressed:text-zinc-900";

/** One button per language, each named in its own language; works without JavaScript. */
export async function LocaleSwitcher() {
  const current = await getLocale();
  const t = await getTranslations("layout");
  return (
    <form
      action={setLocaleAction}
      aria-label={t("language")}
      className="flex items-center gap-1"
      data-testid="locale-switcher"
    >
      {availableLocales().map((locale) => {
        const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
        const label = name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className={LOCALE_BUTTON}
          >
            {label}
          </button>
        );
      })}
    </form>
  );
}
