import { beforeAll, describe, expect, it } from "vitest";
import { verifyDownloadToken } from "@/lib/auth/download-token";
import { db } from "@/lib/db";
import { seedDemoCompany } from "@/prisma/demo-company";
import { bringDatabaseBack, takeDatabaseAway } from "@/test/database";
import { createApprovedRequest, signedIn } from "@/test/factories";
import { browserRequest, callRoute } from "@/test/next-request";
import { GET as downloadFile } from "@/app/privacy-center/requests/[id]/download/file/route";
import { portalUrl } from "@/lib/http/portal-url";
import { GET as getExport } from "./[id]/route";
import { POST as createExport } from "./route";

// The exports API as an app or a script calls it: an Auth.js session cookie, JSON in and out, a
// stable error code for every refusal (lib/api/errors.ts). Real routes, real sessions, real
// PostgreSQL; only the HTTP server around them is Next.js's code run in-process.

const json = (body: unknown, cookie?: string, headers: Record<string, string> = {}) =>
  browserRequest("/api/v1/exports", {
    method: "POST",
    cookie,
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const create = (request: Request) => callRoute(createExport, request);
const read = (id: string, cookie?: string) =>
  callRoute(getExport, browserRequest(`/api/v1/exports/${id}`, { cookie }), { id });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; details?: unknown } }).error;

beforeAll(async () => {
  await seedDemoCompany(process.env.DATABASE_URL!, { activityRows: 0 });
});

/** An archive row of `requestId`'s, five days from expiry (the file itself is not read here). */
const storedArchiveOf = (requestId: string) =>
  db.exportArchive.create({
    data: {
      requestId,
      storageKey: `exports/${requestId}.zip`,
      sizeBytes: 2048n,
      sha256: "0".repeat(64),
      expiresAt: new Date(Date.now() + 5 * 86_400_000),
    },
  });

describe("the exports API", () => {
  it("creates an export for the signed-in customer and reports its status; a second one waits for the first", async () => {
    const { cookie, user } = await signedIn("alex@example.com");
    const created = await create(json({ type: "ACCESS", formats: ["JSON"] }, cookie));
    expect(created.status).toBe(202);
    const body = (await created.json()) as { id: string; reference: string; status: string };
    expect(created.headers.get("location")).toBe(`/api/v1/exports/${body.id}`);
    expect(body.reference).toMatch(/^DSR-\d{4}-\d{6}$/);
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
      userId: user.id,
      type: "ACCESS",
      formats: ["JSON"],
    });

    const status = await read(body.id, cookie);
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("no-store");
    expect(await status.json()).toMatchObject({
      id: body.id,
      reference: body.reference,
      type: "ACCESS",
      download: null,
    });

    const second = await create(json({ type: "PORTABILITY" }, cookie));
    expect(second.status).toBe(409);
    expect(await errorOf(second)).toMatchObject({
      code: "open_request_exists",
      message: expect.stringContaining(body.reference),
    });
  });

  it("a ready export's status carries a short-lived download link signed for that archive", async () => {
    const { cookie } = await signedIn("ready@example.com");
    const request = await createApprovedRequest("ready@example.com", { status: "READY" });
    const archive = await storedArchiveOf(request.id);
    const body = (await (await read(request.id, cookie)).json()) as { download: { url: string; expiresAt: string } };
    const link = new URL(body.download.url);
    expect(link.origin + link.pathname).toBe(`http://localhost:3000/privacy-center/requests/${request.id}/download`);
    const check = verifyDownloadToken(link.searchParams.get("token")!, process.env.AUTH_SECRET!);
    expect(check).toMatchObject({ ok: true, grant: { requestId: request.id, archiveId: archive.id } });
    expect(new Date(body.download.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it("behind a proxy, the download link and the download route's redirects are on the portal's address", async () => {
    // Next.js names every request by its own host and port (localhost:3000 behind nginx), whatever
    // Host and X-Forwarded-Proto the proxy (or a client) passed.
    const internal = "http://10.0.0.7:3000";
    const proxied = { host: "privacy.example.com", "x-forwarded-host": "evil.example" };
    const { cookie } = await signedIn("proxied@example.com");
    const request = await createApprovedRequest("proxied@example.com", { status: "READY" });
    await storedArchiveOf(request.id);
    const status = await callRoute(
      getExport,
      browserRequest(`${internal}/api/v1/exports/${request.id}`, { cookie, headers: proxied }),
      { id: request.id },
    );
    const link = new URL(((await status.json()) as { download: { url: string } }).download.url);
    expect(link.origin).toBe(portalUrl());

    const downloadPath = `/privacy-center/requests/${request.id}/download`;
    const signedOut = await callRoute(
      downloadFile,
      browserRequest(`${internal}${downloadPath}/file?token=abc`, {
        headers: { ...proxied, "x-forwarded-proto": "https" },
      }),
      { id: request.id },
    );
    expect(signedOut.headers.get("location")).toBe(`${portalUrl()}${downloadPath}?token=abc`);
  });

  it("another customer, a malformed id and a signed-out caller learn nothing about an export", async () => {
    const owner = await createApprovedRequest("owner@example.com");
    const { cookie: stranger } = await signedIn("stranger@example.com");
    const foreign = await read(owner.id, stranger);
    expect(foreign.status).toBe(404);
    expect(await errorOf(foreign)).toEqual({ code: "not_found", message: "There is no export with that id." });
    expect((await read("../../etc/passwd", stranger)).status).toBe(404);

    const signedOut = await read(owner.id);
    expect(signedOut.status).toBe(401);
    expect(await errorOf(signedOut)).toMatchObject({ code: "unauthenticated" });
    // A session that has ended (or never existed) is signed out too.
    expect((await read(owner.id, "authjs.session-token=no-such-session")).status).toBe(401);
  });

  it("refuses writes from other sites, bodies that are not JSON, too large or invalid, each with its own code and no stack trace", async () => {
    const { cookie } = await signedIn("careful@example.com", { locale: "de" });
    const attempts: [Request, number, string][] = [
      [json({ type: "ACCESS" }, cookie, { "sec-fetch-site": "cross-site" }), 403, "cross_site_request"],
      [json({ type: "ACCESS" }, cookie, { "content-type": "text/plain" }), 415, "unsupported_media_type"],
      [json("{oops", cookie), 400, "invalid_json"],
      [json({ type: "ACCESS", padding: "x".repeat(20_000) }, cookie), 413, "body_too_large"],
    ];
    for (const [request, status, code] of attempts) {
      const response = await create(request);
      expect(response.status, code).toBe(status);
      const error = await errorOf(response);
      expect(error.code).toBe(code);
      expect(JSON.stringify(error)).not.toMatch(/\bat .*\.ts:\d+/);
    }

    // Per field, in the language of the caller's account.
    const invalid = await create(json({ type: "EVERYTHING", formats: [] }, cookie));
    expect(invalid.status).toBe(400);
    const error = await errorOf(invalid);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toMatchObject({ fieldErrors: { formats: ["Wählen Sie mindestens ein Dateiformat."] } });
    expect(await db.privacyRequest.count({ where: { user: { email: "careful@example.com" } } })).toBe(0);
  });

  it("while the database is away answers 503 with Retry-After, not 'signed out', and works again once it is back", async () => {
    const { cookie } = await signedIn("patient@example.com");
    const request = await createApprovedRequest("patient@example.com");
    await takeDatabaseAway(process.env.DATABASE_URL!);
    try {
      for (const response of [await read(request.id, cookie), await create(json({ type: "ACCESS" }, cookie))]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await errorOf(response)).toEqual({
          code: "service_unavailable",
          message: "The portal cannot reach its database right now. Nothing was changed; please try again in a minute.",
        });
      }
    } finally {
      await bringDatabaseBack(process.env.DATABASE_URL!);
    }
    expect((await read(request.id, cookie)).status).toBe(200);
  });
});
