import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Invocation, Reply } from "@/lib/jobs/serve-protocol";
import { invocationRequest, readReply } from "@/lib/jobs/serve-protocol";

// Local stand-ins for Inngest cloud, for the portal's production path:
// - the event API the SDK sends to (POST {INNGEST_BASE_URL}/e/{event key} with a JSON array of
//   events; answers { ids, status: 200 }, 401 for an unknown key), which can be told to fail;
// - the executor's side of the serve protocol: each call to /api/inngest carries
//   `X-Inngest-Signature: t=<unix seconds>&s=<hex HMAC-SHA256 of canonical JSON body + t>` keyed by
//   the signing key without its `signkey-<env>-` prefix, and the answer must come back signed the
//   same way (inngest 4.24 helpers/net.js signDataWithKey, components/InngestCommHandler.js
//   RequestSignature). The executor's run bookkeeping is the embedded runner's (lib/jobs), which
//   speaks the same protocol; only the transport differs.

export type ReceivedEvent = { id: string; name: string; data: Record<string, unknown> };

export async function startFakeInngestEventApi(options: { eventKey: string }) {
  const received: ReceivedEvent[] = [];
  let failing = false;
  const server = http.createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.method !== "POST" || !req.url?.startsWith("/e/")) return reply(404, { error: "not found", status: 404 });
    if (req.url !== `/e/${options.eventKey}`) return reply(401, { error: "Event key not found", status: 401 });
    if (failing) return reply(500, { error: "internal error", status: 500 });
    const events = JSON.parse(raw) as ReceivedEvent[];
    received.push(...events);
    reply(200, { ids: events.map((event) => event.id), status: 200 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    /** While true, every send answers 500, as Inngest does in an outage. */
    setFailing(value: boolean) {
      failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** JSON with object keys sorted (RFC 8785 for the values these bodies hold), which the SDK signs. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function inngestSignature(signingKey: string, data: string, at = Math.round(Date.now() / 1000)): string {
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${at}&s=${createHmac("sha256", key).update(data).update(String(at)).digest("hex")}`;
}

/** Signs a request body the way Inngest's executor does (over its canonical JSON). */
export const signRequestBody = (signingKey: string, body: string) =>
  inngestSignature(signingKey, canonical(JSON.parse(body)));

/**
 * The executor's transport: each call is POSTed to `handler` (the app's /api/inngest route)
 * signed with `signingKey`, and the answer is accepted only if it is signed with it too.
 */
export function signedInvoker(
  handler: (request: Request) => Promise<Response>,
  signingKey: string,
  origin = "https://portal.example",
) {
  return async (call: Invocation): Promise<Reply> => {
    const { url, body, headers } = invocationRequest(call, origin);
    const response = await handler(
      new Request(url, {
        method: "POST",
        body,
        headers: { ...headers, "x-inngest-signature": signRequestBody(signingKey, body) },
      }),
    );
    const text = await response.text();
    const signature = new URLSearchParams(response.headers.get("x-inngest-signature") ?? "");
    const expected = new URLSearchParams(inngestSignature(signingKey, text, Number(signature.get("t"))));
    const [got, want] = [Buffer.from(signature.get("s") ?? ""), Buffer.from(expected.get("s")!)];
    if (got.length !== want.length || !timingSafeEqual(got, want)) {
      throw new Error(`/api/inngest answered ${response.status} without a valid signature: ${text.slice(0, 300)}`);
    }
    return readReply(new Response(text, { status: response.status, headers: response.headers }));
  };
}
