"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { MessageLookup } from "@/lib/i18n/localize-errors";
import { localizedSource } from "@/lib/i18n/source-text";
import type { PresentedRequest } from "@/lib/requests/present";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import {
  CUSTOMER_TIMELINE,
  ENDED_WITHOUT_COPY,
  isAgentWorded,
  isDownloadable,
  timelinePosition,
} from "@/lib/requests/lifecycle";
import { isCollected, isCollecting, isSourceFailed } from "@/lib/requests/source-lifecycle";

type Live = PresentedRequest & { download: { url: string; expiresAt: string } | null };
type Source = Live["sources"][number];

const POLL_MS = 1500;

const barColour = (status: SourceStatus) =>
  isSourceFailed(status) ? "bg-amber-500" : isCollecting(status) ? "animate-pulse bg-brand-600" : "bg-brand-600";

const BAR_STATE = {
  DONE: "barCollected",
  FAILED: "barDelayed",
  COLLECTING: "barCollecting",
  PENDING: "barWaiting",
} as const satisfies Record<SourceStatus, string>;

/** The request as the API reports it, fetched again every POLL_MS until it settles. */
function useLiveRequest(initial: Live): Live {
  const [request, setRequest] = useState(initial);
  useEffect(() => {
    if (request.terminal) return;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/v1/exports/${request.id}`, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setRequest((await response.json()) as Live);
      else setRequest((current) => ({ ...current })); // try again on the next tick
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [request]);
  return request;
}

/** An archive's size in the reader's locale: whole kilobytes below one megabyte, else megabytes. */
function useSizeFormat(): (bytes: number) => string {
  const format = useFormatter();
  return (bytes) =>
    bytes < 1024 * 1024
      ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" })
      : format.number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}

const DOWNLOAD_BUTTON =
  "mt-4 inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700";

const STEP_STYLE = {
  done: "border-green-200 bg-green-50 text-green-900",
  current: "border-brand-600 bg-brand-50 font-semibold text-brand-900",
  next: "border-zinc-200 bg-white text-zinc-500",
} as const;

/** A status's label or detail in the words of whoever asked (an agent's request waits on its mandate). */
function useStatusText(byAgent: boolean): (status: Live["status"], part: "label" | "detail") => string {
  const tStatus = useTranslations("status");
  const tAgent = useTranslations("agentStatus");
  return (status, part) =>
    byAgent && isAgentWorded(status) ? tAgent(`${status}.${part}`) : tStatus(`${status}.${part}`);
}

/** The customer's steps (CUSTOMER_TIMELINE), each done, current or next from the request's status. */
function Timeline({ status, byAgent }: { status: Live["status"]; byAgent: boolean }) {
  const t = useTranslations("request");
  const statusText = useStatusText(byAgent);
  const position = timelinePosition(status);
  const label = { done: t("stepDone"), current: t("stepNow"), next: t("stepNext") };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t("progress")}
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-5">
        {CUSTOMER_TIMELINE.map((step, index) => {
          const state = index < position ? "done" : index === position ? "current" : "next";
          return (
            <li
              key={step}
              aria-current={state === "current" ? "step" : undefined}
              className={`rounded-lg border px-3 py-2 text-sm ${STEP_STYLE[state]}`}
            >
              <span className="sr-only">{label[state]}</span>
              {statusText(step, "label")}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Each source's count and bar; a source not reached yet has no count ("0 records" would read as "none found"). */
function SourcesProgress({ sources }: { sources: Live["sources"] }) {
  const t = useTranslations("request");
  const messages = useTranslations() as unknown as MessageLookup;
  const sourceText = (source: Source) =>
    isSourceFailed(source.status)
      ? t("sourceDelayed")
      : isCollected(source.status)
        ? t("sourceRecords", { count: source.recordCount })
        : isCollecting(source.status)
          ? t("sourceCollecting")
          : t("sourceWaiting");
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading" className="text-lg font-semibold">
        {t("sourcesTitle")}
      </h2>
      <ul className="mt-3 divide-y divide-zinc-100 rounded-xl bg-white shadow-sm ring-1 ring-zinc-200">
        {sources
          .map((row) => localizedSource(messages, { ...row, description: "" }))
          .map((source) => (
            <li key={source.key} className="px-4 py-3" data-testid="source-progress">
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="font-medium">{source.title}</span>
                <span className="tabular-nums text-zinc-600" data-testid="source-state">
                  {sourceText(source)}
                </span>
              </div>
              <div
                role="progressbar"
                aria-label={t("sourceBar", { source: source.title, state: t(BAR_STATE[source.status]) })}
                aria-valuemin={0}
                aria-valuemax={100}
                // Collecting has no known fraction: an indeterminate bar has no value (WAI-ARIA progressbar).
                aria-valuenow={isCollecting(source.status) ? undefined : source.progress}
                className="mt-2 h-2 overflow-hidden rounded-full bg-zinc-100"
              >
                <div
                  className={`h-full rounded-full transition-[width] duration-500 ${barColour(source.status)}`}
                  style={{ width: `${isCollecting(source.status) ? 50 : source.progress}%` }}
                />
              </div>
            </li>
          ))}
      </ul>
    </section>
  );
}

/** The request's status, timeline and per-source progress, kept live until the request settles. */
export function RequestProgress({ initial }: { initial: Live }) {
  const request = useLiveRequest(initial);
  const t = useTranslations("request");
  const statusText = useStatusText(request.byAgent);
  const format = useFormatter();
  const size = useSizeFormat();

  return (
    <div className="space-y-8">
      <section aria-labelledby="status-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200">
        <h2 id="status-heading" className="text-xl font-semibold" data-testid="request-status">
          {statusText(request.status, "label")}
        </h2>
        <p className="mt-1 text-zinc-600" aria-live="polite">
          {statusText(request.status, "detail")}
        </p>
        {request.download ? (
          <a href={request.download.url} className={DOWNLOAD_BUTTON}>
            {t("download", { size: request.archive ? size(request.archive.sizeBytes) : "none" })}
          </a>
        ) : null}
        {request.archive && isDownloadable(request.status) ? (
          <p className="mt-2 text-sm text-zinc-600">
            {t("availableUntil", { date: format.dateTime(new Date(request.archive.expiresAt), "long") })}
          </p>
        ) : null}
      </section>

      {ENDED_WITHOUT_COPY.has(request.status) ? null : <Timeline status={request.status} byAgent={request.byAgent} />}

      {request.sources.length > 0 ? <SourcesProgress sources={request.sources} /> : null}
    </div>
  );
}
