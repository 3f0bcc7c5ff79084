import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { SIGN_IN_EMAILS_PER_ADDRESS } from "./support/limits";
import { signIn, signInFromSignInPage } from "./support/sign-in";

test.describe("signing in", () => {
  test("a customer follows the privacy policy's deep link, signs in by magic link and lands on the prefilled form @phone", async ({
    page,
  }, testInfo) => {
    // A first-time visitor: the account is created by signing in. One address per device project.
    const email = `new-customer-${testInfo.project.name}@example.com`;
    await page.goto("/privacy-policy");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Request your data in a portable format" }).click();

    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expectAccessible(page);
    await signInFromSignInPage(page, email);

    await expect(page).toHaveURL(/\/privacy-center\/request\?type=portability$/);
    await expect(page.getByRole("radio", { name: /A portable copy of your data/ })).toBeChecked();
    await expectAccessible(page);
  });

  test("a customer and a reviewer are signed in at once, and each sees only their own area", async ({ browser }) => {
    const customer = await (await browser.newContext()).newPage();
    const reviewer = await (await browser.newContext()).newPage();

    await signIn(customer, "casey@example.com");
    await signIn(reviewer, "reviewer@example.com", "/admin");

    await expect(reviewer.getByRole("heading", { name: "Request queue" })).toBeVisible();
    await expectAccessible(reviewer);
    await expect(reviewer.getByRole("link", { name: "Review console" })).toBeVisible();

    // The customer gets the same 404 as for a page that does not exist.
    const response = await customer.goto("/admin");
    expect(response?.status()).toBe(404);
    await expect(customer.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(customer.getByRole("link", { name: "Review console" })).toHaveCount(0);

    await customer.context().close();
    await reviewer.context().close();
  });

  test("a signed-out visitor to the console is sent to sign-in and back", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
    await signInFromSignInPage(page, "admin@example.com");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Request queue" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText("admin@example.com");
  });

  test("a malformed address gets a clear message and no email", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });

  test("a callback to another site is ignored after sign-in", async ({ page }) => {
    await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: "https://evil.example/steal" })}`);
    await signInFromSignInPage(page, "sam@example.com");
    await expect(page).toHaveURL(/localhost:\d+\/privacy-center$/);
  });

  test("sign-in links are limited per address, with a message that says what to do", async ({ page }) => {
    const email = `limit-${Date.now()}@example.com`;
    for (let i = 0; i < SIGN_IN_EMAILS_PER_ADDRESS; i++) {
      await page.goto("/sign-in");
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    }
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByText("Too many sign-in emails were requested for this address.")).toBeVisible();
    await page.goto(`/dev/outbox?${new URLSearchParams({ to: email })}`);
    await expect(page.getByTestId("outbox-email")).toHaveCount(SIGN_IN_EMAILS_PER_ADDRESS);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "alex@example.com");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await page.goto("/privacy-center/request?type=access");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
