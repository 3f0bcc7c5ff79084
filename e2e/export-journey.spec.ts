import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { readZipEntries } from "@/lib/export/testing/read-zip";
import { expectAccessible } from "./support/accessibility";
import { signIn, signInFromSignInPage } from "./support/sign-in";

// The customer's whole journey: privacy policy → sign-in → request → live progress → email →
// download, and then the proof that nobody else can reach that request or its file.

async function submitRequest(page: Page) {
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
}

test("a customer asks for their data from the privacy policy and downloads exactly their own archive", async ({
  page,
  browser,
}) => {
  // Alex's export is about 20 000 records, 10 500 of them analytics events read page by page from
  // the fake API: give it room on a busy machine.
  test.slow();
  await page.goto("/privacy-policy");
  await page.getByRole("link", { name: "Request a copy of your data" }).click();
  await signInFromSignInPage(page, "alex@example.com");

  await expect(page).toHaveURL(/\/privacy-center\/request\?type=access$/);
  await expect(page.getByRole("radio", { name: /A copy of your data/ })).toBeChecked();
  // Outside services are categories like the company's own tables.
  for (const title of ["Card payments (Stripe)", "Chat with our team (Intercom)", "Product usage analytics"]) {
    await expect(page.getByRole("checkbox", { name: title })).toBeChecked();
  }
  await expectAccessible(page);
  await submitRequest(page);
  const statusUrl = page.url();
  const requestId = statusUrl.split("/").at(-1)!;

  // The bars fill in live, and settle at 100 % for every source.
  const bars = page.getByTestId("source-progress").getByRole("progressbar");
  await expect(bars).toHaveCount(11, { timeout: 30_000 });
  // The outside services are collected like the company's own tables.
  for (const title of ["Card payments (Stripe)", "Chat with our team (Intercom)", "Product usage analytics"]) {
    await expect(page.getByTestId("source-progress").filter({ hasText: title })).toHaveCount(1);
  }
  await expect(page.getByTestId("request-status")).toHaveText("Ready to download", { timeout: 150_000 });
  for (const bar of await bars.all()) await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expectAccessible(page);

  // The "ready" email's link downloads the archive.
  await page.goto(`/dev/outbox?to=alex%40example.com`);
  const email = page.getByTestId("outbox-email").filter({ hasText: "Your data is ready" }).first();
  const downloading = page.waitForEvent("download");
  await email.getByTestId("outbox-link").filter({ hasText: "/download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^DSR-\d{4}-\d{6}\.zip$/);
  const entries = await readZipEntries(await readFile((await download.path())!));
  const manifest = JSON.parse(entries.get("manifest.json")!.toString());
  expect(manifest.subject).toEqual({ id: "cus_000001", email: "alex@example.com" });
  const orders = entries.get("data/orders.json")!.toString();
  expect(orders).toContain("SP-1-00001");
  expect(orders).not.toContain("SP-3-");
  expect(entries.get("README.html")!.toString()).toContain("Data Protection Commission");
  for (const key of ["stripe", "intercom", "analytics"]) {
    expect(manifest.sources.find((s: { key: string }) => s.key === key)).toMatchObject({ status: "DONE" });
  }
  const stripe = JSON.parse(entries.get("data/stripe.json")!.toString()) as Record<string, unknown>[];
  expect(stripe.find((r) => r.kind === "charge")).toMatchObject({ card_last4: expect.stringMatching(/^\d{4}$/) });
  expect(entries.get("data/stripe.json")!.toString()).not.toContain("fp_secret_");
  expect(entries.get("data/intercom.json")!.toString()).toContain("Beta tester");
  expect(JSON.parse(entries.get("data/analytics.json")!.toString()).length).toBeGreaterThan(10_000);
  expect(entries.get("README.html")!.toString()).toContain("Card payments (Stripe)");

  // Another customer gets 404 for the page, the API and the download, token or not.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "jordan@example.com");
  expect((await other.goto(statusUrl))?.status()).toBe(404);
  expect((await other.request.get(`/api/v1/exports/${requestId}`)).status()).toBe(404);
  const emailLink = await email.getByTestId("outbox-link").filter({ hasText: "/download" }).getAttribute("href");
  expect((await other.request.get(emailLink!, { maxRedirects: 0 })).status()).toBe(404);
  await other.context().close();

  // The owner's API shows the same request, with a fresh link.
  const api = await page.request.get(`/api/v1/exports/${requestId}`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body).toMatchObject({ id: requestId, status: "READY", terminal: true });
  expect(body.download.url).toContain(`/privacy-center/requests/${requestId}/download?token=`);
  expect(body.archive.downloadCount).toBe(1);

  // A tampered link is refused and explained.
  await page.goto(`${emailLink!.replace(/token=[^&]+/, "token=forged.token")}`);
  await expect(page.getByText("That download link is not valid.")).toBeVisible();
});

test("the form explains what is wrong, and a second open request is refused", async ({ page }) => {
  // Someone with no customer record: identity review stays open, so the request stays open.
  await signIn(page, "new-requester@example.com", "/privacy-center/request?type=portability");
  await page.getByRole("checkbox", { name: /JSON/ }).uncheck();
  await page.getByRole("checkbox", { name: /CSV/ }).uncheck();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByText("Choose at least one file format.")).toBeVisible();
  await expect(page.getByText("Please confirm that you are asking for your own data.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: /CSV/ }).check();
  await submitRequest(page);
  const first = page.url();
  await expect(page.getByTestId("request-status")).toHaveText("Checking it is you");
  await page.goto("/privacy-center/request?type=access");
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You already have a request in progress" })).toBeVisible();

  // The API takes writes only from the portal's own origin (lib/api/same-origin.ts).
  const origin = { origin: new URL(page.url()).origin };
  const api = await page.request.post("/api/v1/exports", { data: { type: "ACCESS" }, headers: origin });
  expect(api.status()).toBe(409);
  expect((await api.json()).error.code).toBe("open_request_exists");
  const bad = await page.request.post("/api/v1/exports", {
    data: { type: "EVERYTHING", sourceKeys: ["secrets"], rangeFrom: "not a date" },
    headers: origin,
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.fieldErrors).toHaveProperty("type");
  const notJson = await page.request.post("/api/v1/exports", {
    data: "{oops",
    headers: { ...origin, "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);

  // Cancelling the open request frees the customer to ask again; it stays in their history.
  await page.goto(first);
  await page.getByRole("button", { name: "Cancel this request" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Cancelled");
  // No steps that would end in "Ready to download" for a request that will never have a copy.
  await expect(page.getByRole("heading", { name: "Progress" })).toHaveCount(0);
  await page.getByRole("link", { name: "Request a fresh copy" }).click();
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
  await page.goto("/privacy-center");
  await expect(page.getByRole("list").filter({ hasText: "cancelled" }).getByRole("link")).toHaveCount(2);
  await expectAccessible(page);
});

test("the exports API needs a signed-in customer", async ({ request }) => {
  const response = await request.get("/api/v1/exports/00000000-0000-4000-8000-000000000000");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthenticated");
});
