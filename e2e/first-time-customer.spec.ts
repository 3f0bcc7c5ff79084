import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { signIn, signInFromSignInPage } from "./support/sign-in";

// The moments that confused a first-time customer (issue 13), each checked as they see it.

test("sources not reached yet say waiting or collecting, never 0 records", async ({ page }) => {
  test.setTimeout(120_000); // the page keeps polling; axe is slow on a busy machine
  // No customer record matches: the request waits for a reviewer, so the page keeps polling.
  await signIn(page, "first-timer@example.com", "/privacy-center/request?type=access");
  // The live updates report a collection in progress: one source done, one running, one waiting.
  await page.route("**/api/v1/exports/*", async (route) => {
    const body = await (await route.fetch()).json();
    const sources = [
      { key: "profile", title: "Your profile", status: "DONE", recordCount: 1, progress: 100 },
      { key: "orders", title: "Orders", status: "COLLECTING", recordCount: 0, progress: 0 },
      { key: "activity", title: "Account activity", status: "PENDING", recordCount: 0, progress: 0 },
    ];
    await route.fulfill({ json: { ...body, status: "COLLECTING", sources } });
  });
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Collecting your data");
  const states = page.getByTestId("source-state");
  await expect(states).toHaveText(["1 record", "Collecting…", "Waiting"]);
  await expect(page.getByTestId("source-progress")).not.toContainText(["0 records"]);
  await expect(page.getByRole("progressbar", { name: "Orders: collecting" })).not.toHaveAttribute("aria-valuenow");
  await expect(page.getByRole("progressbar", { name: "Account activity: waiting" })).toHaveAttribute(
    "aria-valuenow",
    "0",
  );
  await expectAccessible(page);
});

test("a download that needs a fresh sign-in prefills the address and says why", async ({ page }) => {
  await signIn(page, "returning@example.com");
  // Where the download sends a session older than DOWNLOAD_REAUTH_MINUTES (lib/dal/downloads.ts).
  await page.goto(
    `/sign-in?${new URLSearchParams({ callbackUrl: "/privacy-center/requests/x/download?token=t", reason: "step-up" })}`,
  );
  const why = page.getByRole("alert").filter({ hasText: "You signed in more than 15 minutes ago" });
  await expect(why).toContainText("we will email a new link to returning@example.com");
  await expect(page.getByLabel("Email address")).toHaveValue("returning@example.com");
  await expectAccessible(page);
});

test("'Use a different address' keeps the deep link the person came from", async ({ page }) => {
  await page.goto("/privacy-policy");
  await page.getByRole("link", { name: "Request your data in a portable format" }).click();
  await page.getByLabel("Email address").fill("typo@example.con");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.getByRole("link", { name: "Use a different address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprivacy-center%2Frequest%3Ftype%3Dportability$/);
  await signInFromSignInPage(page, "second-try@example.com");
  await expect(page).toHaveURL(/\/privacy-center\/request\?type=portability$/);
});

test("the download period shown is the configured one (ARCHIVE_RETENTION_DAYS=5 here), not a fixed 7 days", async ({
  page,
}) => {
  await page.goto("/privacy-center");
  await expect(page.getByTestId("step-3")).toContainText("works for 5 days");
  await signIn(page, "period@example.com", "/privacy-center/request?type=access");
  await expect(page.getByText("available to download for 5 days")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("7 days");
});
