import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { env } from "@/lib/env";

export default function HomePage() {
  const { COMPANY_NAME, demoMode } = env();
  return (
    <div className="space-y-10">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Your data at {COMPANY_NAME}, in your hands</h1>
        <p className="mt-4 text-lg text-zinc-600">
          Ask for a copy of the personal data {COMPANY_NAME} holds about you, follow its progress, and download it as a
          readable report with machine-readable files. It is free, and by law we answer within one month.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/privacy-center">Open the privacy center</ButtonLink>
          <ButtonLink href="/privacy-policy" variant="secondary">
            Read the privacy policy
          </ButtonLink>
        </div>
      </section>

      {demoMode ? (
        <Card aria-labelledby="demo-accounts">
          <h2 id="demo-accounts" className="text-lg font-semibold">
            Demo accounts
          </h2>
          <p className="mt-1 text-sm text-zinc-600">
            This portal runs in demo mode: sign-in emails are not sent but kept in the{" "}
            <Link className="font-medium text-brand-700 underline" href="/dev/outbox">
              email outbox
            </Link>
            . Sign in with any of these addresses, then open the link from the outbox. Use a second browser profile to be
            a customer and a reviewer at once.
          </p>
          <ul className="mt-4 divide-y divide-zinc-100">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">
                    {account.email} <span className="ml-1 rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">{account.role.toLowerCase()}</span>
                  </p>
                  <p className="text-sm text-zinc-600">{account.about}</p>
                </div>
                <Link
                  className="text-sm font-medium text-brand-700 underline"
                  href={`/sign-in?${new URLSearchParams({ email: account.email, callbackUrl: account.role === "CUSTOMER" ? "/privacy-center" : "/admin" })}`}
                >
                  Sign in as {account.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
