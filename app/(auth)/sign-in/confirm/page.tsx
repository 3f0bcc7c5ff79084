import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { callbackAction } from "@/lib/auth/magic-link";

export const metadata: Metadata = { title: "Finish signing in" };

// Opening this page spends nothing: only the button's POST uses the one-time link
// (lib/auth/magic-link.ts says why).
export default async function ConfirmSignInPage({ searchParams }: PageProps<"/sign-in/confirm">) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const token = first(params.token)?.slice(0, 256);
  const email = first(params.email)?.slice(0, 254);
  if (!token || !email) {
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold tracking-tight">This sign-in link is incomplete</h1>
        <p className="mt-3 text-zinc-600">Open the link from the email again, or ask for a new one.</p>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            Ask for a new sign-in link
          </Link>
        </p>
      </Card>
    );
  }
  // Passed on as Auth.js wrote it (an absolute URL); its redirect callback keeps it on our origin.
  const callbackUrl = first(params.callbackUrl)?.slice(0, 2048);
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">Finish signing in</h1>
      <p className="mt-3 text-zinc-600">
        You are signing in as <strong className="text-zinc-900">{email}</strong>.
      </p>
      <form method="post" action={callbackAction({ token, email, callbackUrl })} className="mt-6">
        <Button type="submit" className="w-full">
          Sign in
        </Button>
      </form>
      <p className="mt-4 text-sm text-zinc-600">Not you? Close this page; nothing happens until you press the button.</p>
    </Card>
  );
}
