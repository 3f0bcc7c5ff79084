import http from "node:http";
import type { AddressInfo } from "node:net";

// What the fakes of outside services share: a loopback HTTP server, bearer-token auth, and faults
// a test can switch on (a burst of 429s with Retry-After, an outage of 500s, a hang, an answer cut
// off part-way, a page that stops short), so a source's retries and errors are exercised against
// real HTTP.

export type FakeRequest = { method: string; url: URL; headers: http.IncomingHttpHeaders; body: unknown };
export type FakeReply = { status: number; body: unknown; headers?: Record<string, string> };

export type FakeService = {
  /** The body each service answers an error with, in its own shape. */
  errorBody(status: number, token: "unauthorized" | "rate_limited" | "server_error" | "not_found"): unknown;
  /** Extra headers on a 429 besides Retry-After (Intercom's X-RateLimit-*). */
  rateLimitHeaders?(retryAfterSeconds: number): Record<string, string>;
  route(request: FakeRequest): FakeReply | undefined;
  /** The same answer as a service paging partially would give it (fewer items, no next page), if it is a page. */
  partialPage?(reply: FakeReply): FakeReply | undefined;
};

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;

export async function startFakeServer(service: FakeService, options: { token: string; port?: number }) {
  const requests: { method: string; path: string }[] = [];
  let queued: { status: number; retryAfterSeconds?: number }[] = [];
  let outage: { status: number; after: number } | null = null;
  let hangs = 0;
  let breakOffs = 0;
  let partials = 0;

  const errorReply = (status: number, retryAfterSeconds?: number): FakeReply => {
    const token =
      status === 401 || status === 403
        ? "unauthorized"
        : status === 429
          ? "rate_limited"
          : status === 404
            ? "not_found"
            : "server_error";
    const headers =
      status === 429 && retryAfterSeconds !== undefined
        ? { "retry-after": String(retryAfterSeconds), ...service.rateLimitHeaders?.(retryAfterSeconds) }
        : undefined;
    return { status, body: service.errorBody(status, token), headers };
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    requests.push({ method: req.method ?? "GET", path: url.pathname });
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (hangs > 0) {
      hangs -= 1;
      return; // never answered: the client's timeout has to fire
    }
    const send = ({ status, body, headers }: FakeReply) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(errorReply(401));
    const fault = queued.shift();
    if (fault) return send(errorReply(fault.status, fault.retryAfterSeconds));
    if (outage && outage.after-- <= 0) return send(errorReply(outage.status));
    const contentType = req.headers["content-type"] ?? "";
    const body = raw && contentType.includes("json") ? JSON.parse(raw) : raw;
    const reply = service.route({ method: req.method ?? "GET", url, headers: req.headers, body }) ?? errorReply(404);
    const partial = reply.status === 200 && partials > 0 ? service.partialPage?.(reply) : undefined;
    if (partial) {
      partials -= 1;
      return send(partial);
    }
    if (reply.status === 200 && breakOffs > 0) {
      breakOffs -= 1;
      // Headers promise the whole body; half of it is sent and the connection dropped.
      const text = JSON.stringify(reply.body);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
      res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
      return;
    }
    send(reply);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token: options.token,
    requests,
    /** The next `count` requests answer `status` (a 429 carries Retry-After when given). */
    failNext(count: number, status: number, retryAfterSeconds?: number) {
      queued = [...queued, ...Array.from({ length: count }, () => ({ status, retryAfterSeconds }))];
    },
    /** Every request (after the next `afterRequests`) answers `status` until `recover()`. */
    startOutage(status = 500, afterRequests = 0) {
      outage = { status, after: afterRequests };
    },
    recover() {
      outage = null;
      queued = [];
      hangs = 0;
      breakOffs = 0;
      partials = 0;
    },
    /** The next `count` successful answers are cut off half-way through their body. */
    breakOffNext(count: number) {
      breakOffs += count;
    },
    /** The next `count` pages stop short: fewer items than the service says there are, and no next page. */
    answerPartiallyNext(count: number) {
      partials += count;
    },
    /** The next `count` requests are never answered. */
    hangNext(count: number) {
      hangs += count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A cursor a client must hand back unchanged: the position, opaque as real APIs make it. */
export const cursor = {
  encode: (index: number) => Buffer.from(JSON.stringify([index])).toString("base64url"),
  decode: (value: string | null | undefined) =>
    value ? (JSON.parse(Buffer.from(value, "base64url").toString()) as number[])[0]! : 0,
};
