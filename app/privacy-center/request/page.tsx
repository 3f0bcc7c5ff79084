import type { Metadata } from "next";
import { REQUEST_TYPES } from "@/components/request-type";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/dal/session";
import type { RequestType } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Make a request" };

function requestTypeFrom(value: unknown): RequestType {
  return value === "portability" ? "PORTABILITY" : "ACCESS";
}

export default async function RequestPage({ searchParams }: PageProps<"/privacy-center/request">) {
  const { type } = await searchParams;
  const selected = requestTypeFrom(type);
  const viewer = await requireViewer(`/privacy-center/request?type=${selected.toLowerCase()}`);
  return (
    <div className="max-w-2xl">
      <PageHeader title="Make a request" description={`Signed in as ${viewer.email}. We only ever send your data to this address's account.`} />
      <Card aria-labelledby="request-type">
        <fieldset>
          <legend id="request-type" className="text-lg font-semibold">
            What would you like?
          </legend>
          <div className="mt-4 space-y-3">
            {(Object.keys(REQUEST_TYPES) as RequestType[]).map((key) => (
              <label key={key} className="flex gap-3 rounded-lg border border-zinc-200 p-4 has-checked:border-brand-600 has-checked:bg-brand-50">
                <input type="radio" name="type" value={key} defaultChecked={key === selected} className="mt-1" />
                <span>
                  <span className="block font-medium">{REQUEST_TYPES[key].title}</span>
                  <span className="block text-sm text-zinc-600">{REQUEST_TYPES[key].summary}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Card>
    </div>
  );
}
