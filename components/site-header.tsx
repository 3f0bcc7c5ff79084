import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";
import { getViewer, isStaff } from "@/lib/dal/session";
import { env } from "@/lib/env";

export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-zinc-900">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-white">
            {env().COMPANY_NAME.charAt(0)}
          </span>
          <span>{env().COMPANY_NAME} Privacy Center</span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link className="rounded-md px-3 py-2 text-zinc-700 hover:bg-zinc-100" href="/privacy-center">
            Your data
          </Link>
          {viewer && isStaff(viewer) ? (
            <Link className="rounded-md px-3 py-2 text-zinc-700 hover:bg-zinc-100" href="/admin">
              Review console
            </Link>
          ) : null}
          {viewer ? (
            <form action={signOutAction} className="flex items-center gap-2">
              <span className="hidden px-2 text-zinc-500 sm:inline" data-testid="signed-in-as">
                {viewer.email}
              </span>
              <button type="submit" className="rounded-md px-3 py-2 font-medium text-zinc-700 hover:bg-zinc-100">
                Sign out
              </button>
            </form>
          ) : (
            <Link className="rounded-md px-3 py-2 font-medium text-brand-700 hover:bg-brand-50" href="/sign-in">
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
