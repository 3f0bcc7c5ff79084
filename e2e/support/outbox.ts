import { expect, type Page } from "@playwright/test";

/** The newest email to `to` whose subject contains `subject`, waiting for the worker to send it. */
export async function expectEmail(page: Page, to: string, subject: string) {
  const email = page.getByTestId("outbox-email").filter({ hasText: subject }).first();
  await expect(async () => {
    await page.goto(`/dev/outbox?${new URLSearchParams({ to })}`);
    await expect(email).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return email;
}
