import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/dal/session";
import { env } from "@/lib/env";
import type { MessageLookup } from "@/lib/i18n/localize-errors";
import { localizedSource } from "@/lib/i18n/source-text";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { listSources } from "@/lib/sources/registry";
import { RequestForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("form"))("metaTitle") };
}

function requestTypeFrom(value: unknown): RequestType {
  return value === "portability" ? "PORTABILITY" : "ACCESS";
}

export default async function RequestPage({ searchParams }: PageProps<"/privacy-center/request">) {
  const { type } = await searchParams;
  const selected = requestTypeFrom(type);
  const viewer = await requireViewer(`/privacy-center/request?type=${selected.toLowerCase()}`);
  const t = await getTranslations("form");
  const messages = (await getTranslations()) as unknown as MessageLookup;
  const sources = listSources().map(({ key, title, description }) =>
    localizedSource(messages, { key, title, description }),
  );
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("description", { email: viewer.email })} />
      <RequestForm
        selected={selected}
        sources={sources}
        retentionDays={env().ARCHIVE_RETENTION_DAYS}
        companyName={env().COMPANY_NAME}
      />
    </div>
  );
}
