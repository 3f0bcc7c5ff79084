import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for the Resend API (POST /emails), shaped like the real one: bearer auth,
// JSON body, `Idempotency-Key` replays the first answer, errors as { statusCode, name, message }.

export type ReceivedEmail = { id: string; body: Record<string, unknown>; idempotencyKey?: string };

export async function startFakeResend(options: { apiKey: string }) {
  const delivered: ReceivedEmail[] = [];
  const byKey = new Map<string, string>();
  const server = http.createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return reply(401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header",
      });
    }
    if (req.method !== "POST" || req.url !== "/emails")
      return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as Record<string, unknown>;
    if (typeof body.to !== "string" && !Array.isArray(body.to)) {
      return reply(422, { statusCode: 422, name: "validation_error", message: "The `to` field is required." });
    }
    const key = req.headers["idempotency-key"] as string | undefined;
    const replayed = key ? byKey.get(key) : undefined;
    if (replayed) return reply(200, { id: replayed });
    const id = randomUUID();
    if (key) byKey.set(key, id);
    delivered.push({ id, body, idempotencyKey: key });
    reply(200, { id });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
