import type { Metadata } from "next";
import Link from "next/link";
import { REQUEST_TYPES } from "@/components/request-type";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listOwnPrivacyRequests } from "@/lib/dal/privacy-requests";
import { getViewer } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Your data" };

const STEPS = [
  ["Ask", "Choose what you want and sign in with your email. No documents needed."],
  ["We prepare it", "We collect your data from every system it lives in. Most requests are ready in minutes; the law gives us one month."],
  ["Download", "We email you when it is ready. The download link works for 7 days, then the copy is deleted."],
] as const;

export default async function PrivacyCenterPage() {
  const viewer = await getViewer();
  const requests = viewer ? await listOwnPrivacyRequests(viewer) : [];
  return (
    <div className="space-y-10">
      <PageHeader
        title="Your data, on request"
        description="You have the right to know what personal data we hold about you and to take it with you. Ask here; it is free."
      />
      <div className="grid gap-4 md:grid-cols-2">
        {(Object.keys(REQUEST_TYPES) as (keyof typeof REQUEST_TYPES)[]).map((type) => (
          <Card key={type} aria-labelledby={`type-${type}`}>
            <h2 id={`type-${type}`} className="text-lg font-semibold">
              {REQUEST_TYPES[type].title}
            </h2>
            <p className="text-sm text-zinc-500">{REQUEST_TYPES[type].article}</p>
            <p className="mt-3 text-zinc-700">{REQUEST_TYPES[type].summary}</p>
            <ButtonLink className="mt-4" href={`/privacy-center/request?type=${type.toLowerCase()}`}>
              Request {type === "ACCESS" ? "a copy" : "a portable copy"}
            </ButtonLink>
          </Card>
        ))}
      </div>
      <section aria-labelledby="how-it-works">
        <h2 id="how-it-works" className="text-lg font-semibold">
          How it works
        </h2>
        <ol className="mt-4 grid gap-4 md:grid-cols-3">
          {STEPS.map(([title, text], index) => (
            <li key={title} className="rounded-lg border border-zinc-200 bg-white p-4">
              <p className="text-sm font-semibold text-brand-700">Step {index + 1}</p>
              <p className="mt-1 font-medium">{title}</p>
              <p className="mt-1 text-sm text-zinc-600">{text}</p>
            </li>
          ))}
        </ol>
      </section>
      {viewer ? (
        <section aria-labelledby="your-requests">
          <h2 id="your-requests" className="text-lg font-semibold">
            Your requests
          </h2>
          {requests.length === 0 ? (
            <p className="mt-2 text-zinc-600">You have not made a request yet.</p>
          ) : (
            <ul className="mt-3 divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
              {requests.map((request) => (
                <li key={request.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                  <Link className="font-medium text-brand-700 underline" href={`/privacy-center/requests/${request.id}`}>
                    {request.reference}
                  </Link>
                  <span className="text-sm text-zinc-600">{request.status.toLowerCase().replaceAll("_", " ")}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <p className="text-zinc-600">
          Already asked?{" "}
          <Link className="font-medium text-brand-700 underline" href="/sign-in?callbackUrl=/privacy-center">
            Sign in
          </Link>{" "}
          to see your requests.
        </p>
      )}
    </div>
  );
}
