import http from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for an OpenTelemetry collector: OTLP/HTTP with JSON bodies on loopback
// (opentelemetry.io/docs/specs/otlp/#otlphttp-request), POST /v1/traces only. It keeps every span
// it was sent, flattened with its service name, so a test can read a trace back.

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: KeyValue[];
  status?: { code?: number };
};
type ExportRequest = {
  resourceSpans: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans: { scope?: { name?: string }; spans: OtlpSpan[] }[];
  }[];
};

export type ReceivedSpan = {
  service: string | undefined;
  scope: string | undefined;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  startNs: bigint;
  endNs: bigint;
  attributes: Record<string, string | number | boolean | undefined>;
  statusCode: number;
};

export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (
      req.method !== "POST" ||
      req.url !== "/v1/traces" ||
      !req.headers["content-type"]?.startsWith("application/json")
    ) {
      res.writeHead(404).end();
      return;
    }
    headers.push(req.headers);
    spans.push(...flatten(JSON.parse(raw) as ExportRequest));
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    /** The headers of each export request (a collector's API key travels in them). */
    headers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function flatten(body: ExportRequest): ReceivedSpan[] {
  return body.resourceSpans.flatMap((resourceSpan) => {
    const service = attributesOf(resourceSpan.resource?.attributes)["service.name"] as string | undefined;
    return resourceSpan.scopeSpans.flatMap((scopeSpan) =>
      scopeSpan.spans.map((span) => ({
        service,
        scope: scopeSpan.scope?.name,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        startNs: BigInt(span.startTimeUnixNano),
        endNs: BigInt(span.endTimeUnixNano),
        attributes: attributesOf(span.attributes),
        statusCode: span.status?.code ?? 0,
      })),
    );
  });
}

function attributesOf(list: KeyValue[] | undefined): Record<string, string | number | boolean | undefined> {
  return Object.fromEntries(
    (list ?? []).map(({ key, value }) => [
      key,
      value.stringValue ??
        value.boolValue ??
        value.doubleValue ??
        (value.intValue === undefined ? undefined : Number(value.intValue)),
    ]),
  );
}
