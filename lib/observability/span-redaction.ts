import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-node";
import type { Attributes } from "@opentelemetry/api";
import { scrubText } from "./scrub";

// Spans leave the portal for a collector, so they follow the logs' rule: no address, no token.
// Next.js's own request spans carry the whole request target (`http.target`: path and query), and
// the queries of a download link (?token=…) and a sign-in link (?token=…&email=…) are secrets.
// Every span passes through here on its way out: URL attributes lose their query, and every
// string attribute is scrubbed like a log line (scrub.ts).

const URL_ATTRIBUTES = new Set(["http.target", "http.url", "url.full", "url.query", "next.url"]);

export function redactAttributes(attributes: Attributes): Attributes {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => {
      if (typeof value !== "string") return [key, value];
      if (key === "url.query") return [key, "[redacted]"];
      const text = URL_ATTRIBUTES.has(key) ? withoutQuery(value) : value;
      return [key, scrubText(text)];
    }),
  );
}

function withoutQuery(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : `${url.slice(0, query)}?[redacted]`;
}

/** The span as exported: its own attributes and its events' redacted, everything else as it was. */
function redactSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    attributes: { value: redactAttributes(span.attributes) },
    events: {
      value: span.events.map((event) => ({
        ...event,
        attributes: event.attributes && redactAttributes(event.attributes),
      })),
    },
  }) as ReadableSpan;
}

export function redactingExporter(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => exporter.export(spans.map(redactSpan), done),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}
