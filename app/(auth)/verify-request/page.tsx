import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/config";

export const metadata: Metadata = { title: "Check your email" };

export default function VerifyRequestPage() {
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight">Check your email</h1>
        <p className="mt-3 text-zinc-600">
          We sent you a sign-in link. It works once and expires in {MAGIC_LINK_MINUTES} minutes. You can close this tab.
        </p>
        {env().demoMode ? (
          <p className="mt-4 text-sm text-zinc-600">
            Demo mode: the email is in the{" "}
            <Link href="/dev/outbox" className="font-medium text-brand-700 underline">
              outbox
            </Link>
            .
          </p>
        ) : null}
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            Use a different address
          </Link>
        </p>
      </Card>
    </div>
  );
}
