import { NextRequest } from "next/server.js";
import { afterAll, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { proxy } from "@/proxy";
import { bringDatabaseBack, takeDatabaseAway } from "./database";
import { PORTAL } from "./next-request";

// proxy.ts decides before anything renders: which requests it answers itself while the database
// is away (pages: a 503 page) and which it always hands on (the API, server actions, assets).
// e2e/database-outage.spec.ts shows the same on a running server.

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, PORTAL), { method: init.method ?? "GET", headers: init.headers });
const handedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

afterAll(() => bringDatabaseBack(process.env.DATABASE_URL!));

describe("the proxy while the database is away", () => {
  it("answers every page itself: 503, Retry-After, never cached, in the visitor's language, styled under its own CSP nonce", async () => {
    expect(handedOn(await proxy(request("/privacy-center")))).toBe(true);
    await takeDatabaseAway(process.env.DATABASE_URL!);
    try {
      for (const path of [
        "/",
        "/privacy-center",
        "/admin/requests/abc",
        "/privacy-center/requests/abc/download/file",
      ]) {
        const response = await proxy(
          request(path, { headers: { cookie: "authjs.session-token=t; NEXT_LOCALE=de", "accept-language": "en" } }),
        );
        expect(response.status, path).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(response.headers.get("x-frame-options")).toBe("DENY");
        const html = await response.text();
        expect(html).toContain('<html lang="de">');
        expect(html).toContain("<h1>Das Datenschutzcenter ist gerade nicht erreichbar</h1>");
        const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1];
        expect(html).toContain(`<style nonce="${nonce}">`);
      }
      const english = await proxy(request("/", { headers: { "accept-language": "en-GB" } }));
      expect(await english.text()).toContain(
        "The portal cannot reach its database right now. Nothing was changed; please try again in a minute.",
      );

      // The API answers its own JSON 503, a server action its own "try again"; Next's files need no database.
      for (const [path, method] of [
        ["/api/v1/exports/abc", "GET"],
        ["/api/health", "GET"],
        ["/privacy-center/request", "POST"],
        ["/_next/webpack-hmr", "GET"],
      ]) {
        const response = await proxy(request(path!, { method, headers: { cookie: "authjs.session-token=t" } }));
        expect(handedOn(response), `${method} ${path}`).toBe(true);
      }
      // A signed-in area without a session still goes to sign-in first (that needs no database).
      const signIn = await proxy(request("/admin"));
      expect(signIn.status).toBe(307);
      expect(new URL(signIn.headers.get("location")!).pathname).toBe("/sign-in");
    } finally {
      await bringDatabaseBack(process.env.DATABASE_URL!);
    }
    expect(handedOn(await proxy(request("/privacy-center")))).toBe(true);
  });
});

describe("the proxy names every request", () => {
  // NextResponse.next({ request: { headers } }) hands the handlers their headers this way.
  const forwardedId = (response: Response) => response.headers.get("x-middleware-request-x-request-id");

  it("with a fresh id when the client speaks to the portal directly, whatever id it sent", async () => {
    const response = await proxy(request("/privacy-center", { headers: { "x-request-id": "forged-id" } }));
    const id = response.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwardedId(response)).toBe(id);
  });

  it("with the id a trusted proxy in front of it gave", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    reloadEnv();
    try {
      const response = await proxy(request("/privacy-center", { headers: { "x-request-id": "nginx-7f3a" } }));
      expect(response.headers.get("x-request-id")).toBe("nginx-7f3a");
      expect(forwardedId(response)).toBe("nginx-7f3a");
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
      reloadEnv();
    }
  });
});

describe("the proxy and server actions", () => {
  // Signed in (a cookie), so a page in the signed-in area is not sent to sign-in first.
  const post = (headers: Record<string, string>, path = "/privacy-center/requests/abc") =>
    proxy(request(path, { method: "POST", headers: { cookie: "authjs.session-token=t", ...headers } }));
  const fetched = { "next-action": "7f12ab" };
  const form = { "content-type": "multipart/form-data; boundary=x" };

  it("refuses one posted from another site with the API's 403, before Next.js answers it with a 500", async () => {
    for (const headers of [
      { ...fetched, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { ...fetched, origin: "https://evil.example" },
      { ...form, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { ...form, origin: "https://sub.localhost:3000", "sec-fetch-site": "same-site" },
      { ...form, origin: "null", "sec-fetch-site": "cross-site" },
      { ...form, origin: "null" },
    ]) {
      const refused = await post(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "cross_site_request" } });
      expect(refused.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("hands on one from the portal's own pages, one that names no site (no browser's), and every API call", async () => {
    for (const headers of [
      { ...fetched, origin: PORTAL, "sec-fetch-site": "same-origin" },
      { ...form, origin: "null", "sec-fetch-site": "same-origin" },
      { ...fetched, origin: PORTAL },
      form,
    ])
      expect(handedOn(await post(headers)), JSON.stringify(headers)).toBe(true);
    const api = await post({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }, "/api/v1/exports");
    expect(handedOn(api)).toBe(true);
  });
});
