import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for the Vercel Blob API, speaking the requests @vercel/blob 2.8 makes (read
// from its source): PUT /?pathname= (single upload), POST /mpu?pathname= with x-mpu-action
// create|upload|complete (multipart), GET /?url= (head), GET /?prefix=&cursor=&limit= (list),
// POST /delete {urls}, and GET on a blob's own URL. Like the service, it keeps each blob's
// access (the x-vercel-blob-access header every upload carries, "public" or "private"): a public
// blob's URL is readable by anyone, a private one only with the bearer token.
// Errors answer { error: { code, message } } like the real service.

type Access = "public" | "private";
type Blob = { pathname: string; body: Buffer; contentType: string; uploadedAt: Date; access: Access };

export async function startFakeVercelBlob(options: { token: string }) {
  const blobs = new Map<string, Blob>();
  const uploads = new Map<string, { access: Access; parts: Map<number, Buffer> }>();
  let origin = "";
  const urlOf = (pathname: string) => `${origin}/blob/${pathname}`;
  const describe = (b: Blob) => ({
    url: urlOf(b.pathname),
    downloadUrl: `${urlOf(b.pathname)}?download=1`,
    pathname: b.pathname,
    size: b.body.length,
    uploadedAt: b.uploadedAt.toISOString(),
    contentType: b.contentType,
    contentDisposition: `attachment; filename="${b.pathname.split("/").at(-1)}"`,
    cacheControl: "private, no-store",
    etag: `"${b.body.length}"`,
  });

  const server = http.createServer(async (req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, code: string, message: string) => json(status, { error: { code, message } });
    const authorised = req.headers.authorization === `Bearer ${options.token}`;
    const url = new URL(req.url ?? "/", origin);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const pathname = url.searchParams.get("pathname") ?? "";
    const accessHeader = req.headers["x-vercel-blob-access"];
    const access = accessHeader === "public" || accessHeader === "private" ? accessHeader : undefined;

    if (url.pathname.startsWith("/blob/") && req.method === "GET") {
      const blob = blobs.get(decodeURIComponent(url.pathname.slice("/blob/".length)));
      // A private blob answers as if absent to a caller without the token; a public one to anyone.
      if (!blob || (blob.access === "private" && !authorised)) {
        return authorised
          ? fail(404, "not_found", "The requested blob does not exist")
          : fail(403, "forbidden", "Access denied");
      }
      res.writeHead(200, {
        "content-type": blob.contentType,
        "content-length": String(blob.body.length),
        "last-modified": blob.uploadedAt.toUTCString(),
      });
      return res.end(blob.body);
    }
    if (!authorised) return fail(403, "forbidden", "Access denied");
    const uploading =
      (url.pathname === "/" && req.method === "PUT") ||
      (url.pathname === "/mpu" && req.headers["x-mpu-action"] === "create");
    if (uploading && !access) return fail(400, "bad_request", 'x-vercel-blob-access must be "public" or "private"');
    if (url.pathname === "/" && req.method === "PUT") {
      const blob: Blob = {
        pathname,
        body,
        contentType: String(req.headers["x-content-type"] ?? "application/octet-stream"),
        uploadedAt: new Date(),
        access: access!,
      };
      blobs.set(pathname, blob);
      return json(200, describe(blob));
    }
    if (url.pathname === "/mpu" && req.method === "POST") {
      const action = req.headers["x-mpu-action"];
      if (action === "create") {
        const uploadId = randomUUID();
        uploads.set(uploadId, { access: access!, parts: new Map() });
        return json(200, { uploadId, key: pathname });
      }
      const upload = uploads.get(String(req.headers["x-mpu-upload-id"]));
      if (!upload) return fail(404, "not_found", "Unknown upload");
      const { parts } = upload;
      if (action === "upload") {
        const number = Number(req.headers["x-mpu-part-number"]);
        parts.set(number, body);
        return json(200, { etag: `part-${number}` });
      }
      if (action === "complete") {
        const order = (JSON.parse(body.toString()) as { partNumber: number }[]).map((p) => p.partNumber);
        const blob = {
          pathname,
          body: Buffer.concat(order.map((n) => parts.get(n)!)),
          contentType: String(req.headers["x-content-type"] ?? "application/octet-stream"),
          uploadedAt: new Date(),
          access: upload.access,
        };
        blobs.set(pathname, blob);
        return json(200, describe(blob));
      }
    }
    if (url.pathname === "/delete" && req.method === "POST") {
      for (const target of (JSON.parse(body.toString()) as { urls: string[] }).urls) {
        blobs.delete(
          target.startsWith(origin) ? decodeURIComponent(new URL(target).pathname.slice("/blob/".length)) : target,
        );
      }
      return json(200, {});
    }
    if (url.pathname === "/" && req.method === "GET" && url.searchParams.has("url")) {
      const target = url.searchParams.get("url")!;
      const blob = blobs.get(target.startsWith(origin) ? new URL(target).pathname.slice("/blob/".length) : target);
      return blob ? json(200, describe(blob)) : fail(404, "not_found", "The requested blob does not exist");
    }
    if (url.pathname === "/" && req.method === "GET") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const limit = Number(url.searchParams.get("limit") ?? 1000);
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const matching = [...blobs.values()]
        .filter((b) => b.pathname.startsWith(prefix))
        .sort((a, b) => a.pathname.localeCompare(b.pathname));
      const page = matching.slice(start, start + limit);
      const hasMore = start + limit < matching.length;
      return json(200, { blobs: page.map(describe), cursor: hasMore ? String(start + limit) : undefined, hasMore });
    }
    fail(400, "bad_request", `Unexpected ${req.method} ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { apiUrl: origin, blobs, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
