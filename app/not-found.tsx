import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">We could not find that page</h1>
      <p className="mt-3 text-zinc-600">The address may be mistyped, or the page may not be available to you.</p>
      <ButtonLink href="/privacy-center" className="mt-6">
        Go to the privacy center
      </ButtonLink>
    </div>
  );
}
