import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/dal/session";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { listSources } from "@/lib/sources/registry";
import { RequestForm } from "./request-form";

export const metadata: Metadata = { title: "Make a request" };

function requestTypeFrom(value: unknown): RequestType {
  return value === "portability" ? "PORTABILITY" : "ACCESS";
}

export default async function RequestPage({ searchParams }: PageProps<"/privacy-center/request">) {
  const { type } = await searchParams;
  const selected = requestTypeFrom(type);
  const viewer = await requireViewer(`/privacy-center/request?type=${selected.toLowerCase()}`);
  const sources = listSources().map(({ key, title, description }) => ({ key, title, description }));
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Make a request"
        description={`Signed in as ${viewer.email}. Your data is only ever available to this account. It is free, and we answer within one month at the latest.`}
      />
      <RequestForm selected={selected} sources={sources} />
    </div>
  );
}
