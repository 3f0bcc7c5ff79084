"use client";

import { useEffect, useState } from "react";
import type { PresentedRequest } from "@/lib/requests/present";
import { CUSTOMER_STATUS_TEXT, CUSTOMER_TIMELINE, timelinePosition } from "@/lib/requests/lifecycle";

type Live = PresentedRequest & { download: { url: string; expiresAt: string } | null };

const POLL_MS = 1500;

/** The request's status, timeline and per-source progress, kept live until the request settles. */
export function RequestProgress({ initial }: { initial: Live }) {
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

  const position = timelinePosition(request.status);
  const text = CUSTOMER_STATUS_TEXT[request.status];
  return (
    <div className="space-y-8">
      <section aria-labelledby="status-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200">
        <h2 id="status-heading" className="text-xl font-semibold" data-testid="request-status">
          {text.label}
        </h2>
        <p className="mt-1 text-zinc-600" aria-live="polite">
          {text.detail}
        </p>
        {request.download ? (
          <a
            href={request.download.url}
            className="mt-4 inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Download your data (ZIP{request.archive ? `, ${formatBytes(request.archive.sizeBytes)}` : ""})
          </a>
        ) : null}
        {request.archive && request.status === "READY" ? (
          <p className="mt-2 text-sm text-zinc-600">
            Available until {formatDate(request.archive.expiresAt)}. Open README.html in the download first: it explains every file.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Progress
        </h2>
        <ol className="mt-3 grid gap-2 sm:grid-cols-5">
          {CUSTOMER_TIMELINE.map((step, index) => {
            const state = index < position ? "done" : index === position ? "current" : "next";
            return (
              <li
                key={step}
                aria-current={state === "current" ? "step" : undefined}
                className={`rounded-lg border px-3 py-2 text-sm ${
                  state === "done" ? "border-green-200 bg-green-50 text-green-900" : state === "current" ? "border-brand-600 bg-brand-50 font-semibold text-brand-900" : "border-zinc-200 bg-white text-zinc-500"
                }`}
              >
                <span className="sr-only">{state === "done" ? "Done: " : state === "current" ? "Now: " : "Next: "}</span>
                {CUSTOMER_STATUS_TEXT[step].label}
              </li>
            );
          })}
        </ol>
      </section>

      {request.sources.length > 0 ? (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="text-lg font-semibold">
            Your data, system by system
          </h2>
          <ul className="mt-3 divide-y divide-zinc-100 rounded-xl bg-white shadow-sm ring-1 ring-zinc-200">
            {request.sources.map((source) => (
              <li key={source.key} className="px-4 py-3" data-testid="source-progress">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="font-medium">{source.title}</span>
                  <span className="tabular-nums text-zinc-600">
                    {source.status === "FAILED" ? "Delayed" : `${source.recordCount.toLocaleString("en")} ${source.recordCount === 1 ? "record" : "records"}`}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-label={`${source.title}: ${source.status === "DONE" ? "collected" : source.status.toLowerCase()}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={source.progress}
                  className="mt-2 h-2 overflow-hidden rounded-full bg-zinc-100"
                >
                  <div
                    className={`h-full rounded-full transition-[width] duration-500 ${source.status === "FAILED" ? "bg-amber-500" : source.status === "COLLECTING" ? "animate-pulse bg-brand-600" : "bg-brand-600"}`}
                    style={{ width: `${source.status === "COLLECTING" ? 50 : source.progress}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
