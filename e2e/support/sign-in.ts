import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";

/** Asks for a magic link on the sign-in page the browser is on, then follows it from the outbox. */
export async function signInFromSignInPage(page: Page, email: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to the privacy center" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await followNewestMagicLink(page, email);
}

export async function followNewestMagicLink(page: Page, email: string): Promise<void> {
  await page.goto(`/dev/outbox?${new URLSearchParams({ to: email })}`);
  const newest = page.getByTestId("outbox-email").first();
  await expect(newest.getByTestId("outbox-to")).toHaveText(email);
  await newest.getByTestId("outbox-link").first().click();
  // The link opens a confirmation page (mail scanners only GET); the person presses the button.
  await expect(page.getByRole("heading", { name: "Finish signing in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in from scratch and lands on `callbackUrl`. */
export async function signIn(page: Page, email: string, callbackUrl = "/privacy-center"): Promise<void> {
  await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl })}`);
  await expectAccessible(page);
  await signInFromSignInPage(page, email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}
