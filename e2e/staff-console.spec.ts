import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible } from "./support/accessibility";
import { e2eDatabaseUrl } from "./support/database-url";
import { readmeScreenshot } from "./support/screenshots";
import { expectEmail } from "./support/outbox";
import { signIn } from "./support/sign-in";

// The compliance team's day: open a pending request, weigh the evidence, decide; extend a deadline;
// retry a source that failed. Each journey uses its own customer, whose email matches no customer
// record, so the auto-approve policy leaves the request to a reviewer.

// Each journey waits on the worker (an export, retries with backoff, emails): give it room on a
// busy machine.
test.describe.configure({ timeout: 180_000 });

async function submitRequest(
  page: Page,
  email: string,
  onlySource?: string,
): Promise<{ url: string; reference: string }> {
  await signIn(page, email, "/privacy-center/request?type=access");
  if (onlySource) {
    for (const box of await page.locator('input[name="sourceKeys"]').all()) await box.uncheck();
    await page.getByRole("checkbox", { name: new RegExp(`^${onlySource}`) }).check();
  }
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("request-status")).toHaveText("Checking it is you");
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Request ", "");
  return { url: page.url(), reference };
}

/** A reviewer signed in, on the request's page reached from the queue. */
async function openFromQueue(browser: Browser, reference: string): Promise<Page> {
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer@example.com", "/admin");
  await expect(reviewer.getByRole("heading", { name: "Request queue" })).toBeVisible();
  const row = reviewer.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Waiting for review");
  await expectAccessible(reviewer);
  await row.getByRole("link", { name: reference }).click();
  await expect(reviewer.getByRole("heading", { name: `Request ${reference}` })).toBeVisible();
  await expectAccessible(reviewer);
  return reviewer;
}

test("a reviewer weighs the evidence, approves, and the customer's export runs to READY", async ({
  page,
  browser,
}, testInfo) => {
  const { reference } = await submitRequest(page, "staff-approve@example.com");
  const reviewer = await openFromQueue(browser, reference);
  await readmeScreenshot(reviewer, testInfo, "request");
  await expect(reviewer.getByTestId("matching-records")).toHaveText("None: no customer record has this email.");
  await expect(reviewer.getByText("staff-approve@example.com: proven by a magic-link sign-in")).toBeVisible();

  // No record matches: approving needs the reviewer to confirm that no data is held.
  await reviewer.getByRole("radio", { name: "We hold no data about this person" }).check();
  await reviewer.getByRole("button", { name: "Approve identity" }).click();
  await expect(reviewer.getByTestId("identity-decision")).toContainText(/Approved by Riley Chen on \d+ \w+ \d{4}/);
  await expect(reviewer.getByTestId("request-timeline")).toContainText(
    "Identity approved by reviewer@example.com: no data held",
  );
  await expectAccessible(reviewer);

  // The customer never reaches staff pages; an unknown request is a plain 404 for staff too.
  expect((await page.goto(reviewer.url()))?.status()).toBe(404);
  expect((await page.goto("/admin"))?.status()).toBe(404);
  expect((await reviewer.request.get("/admin/requests/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await page.goBack();
  await page.goBack();

  await expect(page.getByTestId("request-status")).toHaveText("Ready to download", { timeout: 60_000 });
  await reviewer.reload();
  await expect(reviewer.getByTestId("staff-request-status")).toHaveText("Ready");
  await expect(reviewer.getByTestId("request-timeline")).toContainText("Email sent: data ready");
  await reviewer.context().close();
});

test("a reviewer rejects with a reason; the customer is emailed it and sees it", async ({ page, browser }) => {
  const { url, reference } = await submitRequest(page, "staff-reject@example.com");
  const reviewer = await openFromQueue(browser, reference);
  await reviewer.getByRole("button", { name: "Reject identity" }).click();
  // The reason is required: the browser holds the empty form back, and nothing is decided.
  await expect(reviewer.getByTestId("identity-decision")).toHaveCount(0);
  await reviewer
    .getByLabel("Reason for rejecting")
    .fill("This account was opened yesterday and matches none of our customers");
  await reviewer.getByRole("button", { name: "Reject identity" }).click();
  await expect(reviewer.getByTestId("identity-decision")).toContainText("Rejected by Riley Chen");
  await expectAccessible(reviewer);
  await reviewer.context().close();

  await page.goto(url);
  await expect(page.getByTestId("request-status")).toHaveText("Not approved");
  await expect(page.getByTestId("rejection-reason")).toContainText("matches none of our customers");
  await expectAccessible(page);
  const email = await expectEmail(page, "staff-reject@example.com", "could not be completed");
  await expect(email).toContainText("matches none of our customers");
  await expect(email).toContainText("Data Protection Commission");
});

test("an extension shows the new date to staff and customer, and emails the customer", async ({ page, browser }) => {
  const { url, reference } = await submitRequest(page, "staff-extend@example.com");
  const reviewer = await openFromQueue(browser, reference);
  await reviewer.getByLabel("Extend by").selectOption("2");
  await reviewer.getByLabel("Reason for the extension").fill("Your history spans several archived systems");
  await reviewer.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(reviewer.getByTestId("extended-due")).toContainText("Your history spans several archived systems");
  const newDate = (await reviewer.getByTestId("extended-due").textContent())!.split(",")[0]!;
  await expectAccessible(reviewer);
  // No second extension is offered.
  await expect(reviewer.getByRole("button", { name: "Extend the deadline" })).toHaveCount(0);
  await reviewer.goto(`/admin?${new URLSearchParams({ q: reference })}`);
  await expect(reviewer.getByRole("row").filter({ hasText: reference })).toContainText(`${newDate}extended`);
  await reviewer.context().close();

  await page.goto(url);
  const longDate = new Date(`${newDate} UTC`).toLocaleDateString("en", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  await expect(page.getByTestId("request-due")).toHaveText(longDate);
  await expect(page.getByText("Your history spans several archived systems")).toBeVisible();
  const email = await expectEmail(page, "staff-extend@example.com", "More time needed");
  await expect(email).toContainText(longDate);
});

test("a source that failed is retried from the request page and the export finishes", async ({ page, browser }) => {
  const { reference } = await submitRequest(page, "staff-retry@example.com", "Payouts");
  const reviewer = await openFromQueue(browser, reference);
  const database = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await database.connect();
  try {
    // The payouts table goes away while this request is collected, so the source fails for good.
    await database.query("ALTER TABLE streampay.payouts RENAME TO payouts_offline");
    await reviewer.getByRole("radio", { name: "We hold no data about this person" }).check();
    await reviewer.getByRole("button", { name: "Approve identity" }).click();
    await expect(reviewer.getByTestId("identity-decision")).toContainText("Approved by Riley Chen");
    await expect(async () => {
      await reviewer.reload();
      await expect(reviewer.getByTestId("staff-request-status")).toHaveText("Failed: needs retry", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
  } finally {
    await database.query("ALTER TABLE IF EXISTS streampay.payouts_offline RENAME TO payouts");
    await database.end();
  }
  const sources = reviewer.getByTestId("staff-sources");
  await expect(sources).toContainText("a table or collection is missing or was renamed");
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "Retry Payouts" }).click();
  await expect(async () => {
    await reviewer.reload();
    await expect(reviewer.getByTestId("staff-request-status")).toHaveText("Ready", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(reviewer.getByTestId("request-timeline")).toContainText(
    "Source retry requested by reviewer@example.com: payouts",
  );
  await reviewer.context().close();
  await expect(page.getByTestId("request-status")).toHaveText("Ready to download", { timeout: 30_000 });
});
