import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { readZipEntries } from "@/lib/export/testing/read-zip";
import { expectAccessible } from "./support/accessibility";

// The customer's whole journey with a German browser: every page, email and the archive's
// README.html speak German; the language switcher overrides the browser and is kept on the account.

test.use({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } });

async function openNewestEmail(page: Page, to: string, subject: string | RegExp) {
  await page.goto(`/dev/outbox?${new URLSearchParams({ to })}`);
  const email = page.getByTestId("outbox-email").filter({ hasText: subject }).first();
  await expect(email).toBeVisible();
  await expect(page.getByRole("heading", { name: "E-Mail-Postausgang", level: 1 })).toBeVisible();
  await expect(email.getByTestId("outbox-link").first()).toHaveText(/^Link öffnen: \//);
  return email;
}

/** Sign-in in German, from the sign-in page the browser is on. */
async function signInGerman(page: Page, email: string, subject = "Anmeldung im StreamPay Datenschutzcenter") {
  await expect(page.getByRole("heading", { name: "Im Datenschutzcenter anmelden" })).toBeVisible();
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink per E-Mail senden" }).click();
  await expect(page.getByRole("heading", { name: "Sehen Sie in Ihr E-Mail-Postfach" })).toBeVisible();
  const mail = await openNewestEmail(page, email, subject);
  await mail.getByTestId("outbox-link").first().click();
  // The link opens a confirmation page (mail scanners only GET); the person presses the button.
  await expect(page.getByRole("heading", { name: "Anmeldung abschließen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
}

test("the demo accounts on the home page are described in German", async ({ page }) => {
  await page.goto("/");
  const demo = page.getByRole("region", { name: "Demo-Konten" });
  const robin = demo.getByRole("listitem").filter({ hasText: "robin@example.com" });
  await expect(robin).toContainText("Kunde");
  await expect(robin).toContainText("Die Anfrage wartet auf eine Prüfung");
  await expect(demo).not.toContainText(/customer|reviewer before release/);
});

test("a German customer asks for their data, follows it and downloads a German archive", async ({ page, browser }) => {
  test.setTimeout(180_000); // the whole journey, export included, with axe on every page
  const email = "heavy@example.com"; // a customer record no other journey uses
  await page.goto("/privacy-policy");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Datenschutzerklärung", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Eine Kopie Ihrer Daten anfordern" }).click();

  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expectAccessible(page);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink per E-Mail senden" }).click();
  await expect(page.getByRole("heading", { name: "Sehen Sie in Ihr E-Mail-Postfach" })).toBeVisible();
  await expectAccessible(page);
  // "Use a different address" keeps the deep link from the privacy policy.
  await page.getByRole("link", { name: "Eine andere Adresse verwenden" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprivacy-center%2Frequest%3Ftype%3Daccess$/);
  await signInGerman(page, email);

  // The form, with its messages, in German; the download period follows ARCHIVE_RETENTION_DAYS.
  await expect(page).toHaveURL(/\/privacy-center\/request\?type=access$/);
  await expect(page.getByRole("heading", { name: "Anfrage stellen" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Eine Kopie Ihrer Daten/ })).toBeChecked();
  await expect(page.getByText("5 Tage lang zum Herunterladen bereitsteht")).toBeVisible();
  await page.getByRole("button", { name: "Anfrage absenden" }).click();
  await expect(page.getByText("Bitte bestätigen Sie, dass Sie nach Ihren eigenen Daten fragen.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /Ich frage nach meinen eigenen personenbezogenen Daten/ }).check();
  await page.getByRole("button", { name: "Anfrage absenden" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);

  // The status page: German labels, German dates.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Anfrage DSR-\d{4}-\d{6}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Anfrage ", "");
  await expect(page.getByText(/eingegangen am \d{1,2}\. \p{L}+ \d{4}/u)).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveText("Bereit zum Herunterladen", { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Ihre Daten, System für System" })).toBeVisible();
  await expect(page.getByTestId("source-state").first()).toHaveText(/^\d+ Eintr(ag|äge)$/);
  await expect(page.getByRole("link", { name: /Ihre Daten herunterladen/ })).toBeVisible();
  await expectAccessible(page);

  // Both emails in German; the "ready" email's link downloads an archive whose README is German.
  await openNewestEmail(page, email, `Wir haben Ihre Datenschutzanfrage ${reference} erhalten`);
  const ready = await openNewestEmail(page, email, `Ihre Daten stehen zum Herunterladen bereit (${reference})`);
  await expect(ready).toContainText("Sie werden zuerst gebeten, sich anzumelden.");
  const link = (await ready.getByTestId("outbox-link").filter({ hasText: "/download" }).first().getAttribute("href"))!;
  const downloading = page.waitForEvent("download");
  await ready.getByTestId("outbox-link").filter({ hasText: "/download" }).first().click();
  const download = await downloading;
  const readme = (await readZipEntries(await readFile((await download.path())!))).get("README.html")!.toString();
  expect(readme).toMatch(/^<!doctype html>\n<html lang="de">/);
  for (const text of [
    `Ihre personenbezogenen Daten bei StreamPay`,
    "Ihre Rechte",
    "Berichtigung",
    "Artikel 77",
    "Wie wir diese Daten verwenden",
    "Über die Dateien in diesem Archiv",
  ]) {
    expect(readme).toContain(text);
  }
  expect(readme).not.toContain("Your rights");

  // Someone else who opens the forwarded link gets the portal's own page, in German, and learns nothing.
  const other = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await other.goto("/sign-in?callbackUrl=/privacy-center");
  await signInGerman(other, "weitergeleitet@example.com");
  await expect(other.getByTestId("signed-in-as")).toHaveText("weitergeleitet@example.com");
  const response = await other.goto(link);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Dieser Link gehört zu einem anderen Konto" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Mit einer anderen Adresse anmelden" })).toBeVisible();
  await expect(other.locator("main")).not.toContainText(reference);
  await expect(other.locator("main")).not.toContainText(email);
  await expectAccessible(other);
  await other.context().close();
});

test("the demo outbox speaks German around the emails, which it shows as they were sent", async ({ page, browser }) => {
  await page.goto(`/dev/outbox?${new URLSearchParams({ to: "nobody-de@example.com" })}`);
  await expect(page).toHaveTitle(/^E-Mail-Postausgang/);
  await expect(page.getByRole("heading", { name: "E-Mail-Postausgang", level: 1 })).toBeVisible();
  await expect(page.getByText("Im Demo-Modus bleibt jede E-Mail hier")).toBeVisible();
  await expect(page.getByText("Noch keine E-Mail.")).toBeVisible();
  await expectAccessible(page);

  // An English customer's email stays English in the German page around it.
  const english = await (
    await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } })
  ).newPage();
  await english.goto("/sign-in");
  await english.getByLabel("Email address").fill("outbox-de@example.com");
  await english.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(english.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await english.context().close();
  const email = await openNewestEmail(page, "outbox-de@example.com", "Sign in to");
  await expect(email.getByText(/^An outbox-de@example\.com · von /)).toBeVisible();
  await expect(email.locator("time")).toHaveText(/^\d{1,2}\. \p{L}+ \d{4}.* UTC$/u);
  await page.screenshot({ path: "/tmp/ui-outbox-de.png", fullPage: true });
});

test("the language switcher overrides the browser and stays with the account after signing out and in", async ({
  page,
  browser,
}) => {
  const email = "sprachwahl@example.com";
  await page.goto("/sign-in?callbackUrl=/privacy-center");
  await signInGerman(page, email);
  await expect(page.getByRole("heading", { name: "Ihre Daten, auf Anfrage" })).toBeVisible();

  await page.getByTestId("locale-switcher").getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Your data, on request" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  // A fresh German browser: before sign-in it follows the browser, after sign-in the account.
  const fresh = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await fresh.goto("/sign-in?callbackUrl=/privacy-center");
  await signInGerman(fresh, email, "Sign in to the StreamPay Privacy Center"); // the account's language
  await expect(fresh.getByRole("heading", { name: "Your data, on request" })).toBeVisible();
  await fresh.getByTestId("locale-switcher").getByRole("button", { name: "Deutsch" }).click();
  await expect(fresh.getByRole("heading", { name: "Ihre Daten, auf Anfrage" })).toBeVisible();
  await fresh.context().close();
});
