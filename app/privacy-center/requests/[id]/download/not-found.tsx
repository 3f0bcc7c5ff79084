import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { getViewer } from "@/lib/dal/session";

/**
 * A download link that is not the viewer's (a forwarded email, a second account): say so and
 * offer to sign in with the address the email went to, without a word about the request itself.
 */
export default async function ForeignDownloadLink() {
  const t = await getTranslations("notFound");
  const viewer = await getViewer();
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("foreignTitle")}</h1>
      <p className="mt-3 text-zinc-600">{t("foreignText", { email: viewer?.email ?? "" })}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/sign-in?callbackUrl=/privacy-center">{t("foreignSignIn")}</ButtonLink>
        <ButtonLink href="/privacy-center" variant="secondary">
          {t("back")}
        </ButtonLink>
      </div>
    </div>
  );
}
