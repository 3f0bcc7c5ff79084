import Link from "next/link";
import { env } from "@/lib/env";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-zinc-600 sm:px-6">
        <p>© {env().COMPANY_NAME}. Your data, your rights.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link className="underline-offset-4 hover:underline" href="/privacy-policy">
            Privacy policy
          </Link>
          <Link className="underline-offset-4 hover:underline" href="/privacy-center">
            Privacy center
          </Link>
        </nav>
      </div>
    </footer>
  );
}
