import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { env } from "@/lib/env";

/** Sign-in with the demo account's address filled in, landing where that role works. */
function demoSignInLink(account: (typeof DEMO_ACCOUNTS)[number]): string {
  const callbackUrl = account.role === "CUSTOMER" ? "/privacy-center" : "/admin";
  return `/sign-in?${new URLSearchParams({ email: account.email, callbackUrl })}`;
}

export default async function HomePage() {
  const { COMPANY_NAME: company, demoMode } = env();
  const t = await getTranslations("home");
  return (
    <div className="space-y-10">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{t("title", { company })}</h1>
        <p className="mt-4 text-lg text-zinc-600">{t("intro", { company })}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/privacy-center">{t("openPrivacyCenter")}</ButtonLink>
          <ButtonLink href="/privacy-policy" variant="secondary">
            {t("readPolicy")}
          </ButtonLink>
        </div>
      </section>

      {demoMode ? (
        <Card aria-labelledby="demo-accounts">
          <h2 id="demo-accounts" className="text-lg font-semibold">
            {t("demoTitle")}
          </h2>
          <p className="mt-1 text-sm text-zinc-600">
            {t.rich("demoText", {
              outbox: (chunks) => (
                <Link className="font-medium text-brand-700 underline" href="/dev/outbox">
                  {chunks}
                </Link>
              ),
            })}
          </p>
          <ul className="mt-4 divide-y divide-zinc-100">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">
                    {account.email}{" "}
                    <span className="ml-1 rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
                      {t(`demoRole.${account.role}`)}
                    </span>
                  </p>
                  <p className="text-sm text-zinc-600">{t(`demoAbout.${account.about}`)}</p>
                </div>
                <Link className="text-sm font-medium text-brand-700 underline" href={demoSignInLink(account)}>
                  {t("demoSignInAs", { name: account.name })}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
