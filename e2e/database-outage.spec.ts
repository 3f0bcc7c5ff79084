import { expect, test, type APIRequestContext } from "@playwright/test";
import { bringDatabaseBack, takeDatabaseAway } from "@/test/database";
import { expectAccessible } from "./support/accessibility";
import { startOwnPortal, type OwnPortal } from "./support/own-portal";

// PostgreSQL goes away under a running portal (a failover, a restart): every page answers 503
// with Retry-After and a page that says what happened, in the reader's language, and the portal
// works again by itself once the database is back. The portal here has a database of its own, so
// the journeys running beside this spec never see the outage.

const UNAVAILABLE_EN =
  "The portal cannot reach its database right now. Nothing was changed; please try again in a minute.";

let portal: OwnPortal;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  portal = await startOwnPortal("portal_outage");
});
test.afterAll(async () => {
  await portal?.stop();
});

const statusOf = async (api: APIRequestContext, path: string, cookie?: string) =>
  (await api.get(path, { headers: cookie ? { cookie } : {} })).status();

test("while the database is away pages answer 503 with a page that says so, and work again once it is back", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const cookie = await portal.signedInCookie("outage@example.com");
  const api = await playwright.request.newContext({ baseURL: portal.baseURL, maxRedirects: 0 });
  expect(await statusOf(api, "/privacy-center", cookie)).toBe(200);

  await takeDatabaseAway(portal.database.url);
  try {
    for (const [path, who] of [
      ["/privacy-center", cookie],
      ["/privacy-center/request?type=access", cookie],
      ["/admin", cookie],
      ["/", undefined],
    ] as const) {
      const response = await api.get(path, { headers: who ? { cookie: who } : {} });
      expect(response.status(), path).toBe(503);
      expect(response.headers()["retry-after"], path).toMatch(/^\d+$/);
      expect(response.headers()["cache-control"], path).toContain("no-store");
      expect(response.headers()["content-security-policy"], path).toContain("default-src 'self'");
      expect(await response.text(), path).toContain(UNAVAILABLE_EN);
    }
    // The API keeps its own JSON answer, and a session it cannot read is not "signed out" (401).
    const apiResponse = await api.get(`/api/v1/exports/${crypto.randomUUID()}`, { headers: { cookie } });
    expect(apiResponse.status()).toBe(503);
    expect(await apiResponse.json()).toMatchObject({ error: { code: "service_unavailable" } });

    // What a German reader sees in the browser: their language, accessible, nothing blocked by the CSP.
    const context = await browser.newContext({
      baseURL: portal.baseURL,
      locale: "de-DE",
      extraHTTPHeaders: { cookie },
    });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    const response = await page.goto("/privacy-center");
    expect(response?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Das Datenschutzcenter ist gerade nicht erreichbar",
    );
    await expect(page.getByText("Das Portal erreicht seine Datenbank gerade nicht.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Erneut versuchen" })).toBeVisible();
    expect(await page.title()).toContain("Datenschutzcenter");
    await expectAccessible(page);
    expect(blocked).toEqual([]);
    await context.close();
  } finally {
    await bringDatabaseBack(portal.database.url);
  }

  // Back without a restart: the same pages render again for the same session.
  await expect.poll(() => statusOf(api, "/privacy-center", cookie), { timeout: 30_000 }).toBe(200);
  expect(await (await api.get("/privacy-center", { headers: { cookie } })).text()).toContain("outage@example.com");
  expect(await statusOf(api, "/")).toBe(200);
  await api.dispose();
});
