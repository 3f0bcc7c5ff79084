import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { readZipEntries } from "@/lib/export/testing/read-zip";
import { png } from "@/lib/mandates/testing/mandate-files";
import { expectAccessible } from "./support/accessibility";
import { expectFitsSideways, expectOneLine } from "./support/layout";
import { expectEmail } from "./support/outbox";
import { signIn } from "./support/sign-in";

// Someone asks for another person's data (GDPR recital 63, Art. 12(6)): the person is told at
// their own address and may object; a reviewer checks the mandate and decides; only the agent
// downloads. Demo mode approves exact email matches automatically: a request made for someone
// else never is.

test.describe.configure({ timeout: 180_000 });

const mandate = { name: "mandate.png", mimeType: "image/png", buffer: png(1240, 1754) };

async function askForSomeoneElse(page: Page, agent: string, subject: string, relationship: string): Promise<string> {
  await signIn(page, agent, "/privacy-center/request?type=access");
  await page.getByRole("checkbox", { name: /I am asking for someone else/ }).check();
  await page.getByLabel(/Their email address/).fill(subject);
  await page.getByRole("radio", { name: relationship }).check();
  await page.getByLabel(/Your mandate/).setInputFiles(mandate);
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /I am authorised to ask for this person's personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("request-status")).toHaveText("Checking the mandate");
  await expect(page.getByTestId("on-behalf")).toContainText(`Asked for ${subject}`);
  await expectAccessible(page);
  return (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Request ", "");
}

async function reviewerOn(browser: Browser, reference: string): Promise<Page> {
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer@example.com", "/admin");
  const row = reviewer.getByRole("row").filter({ hasText: reference });
  await expect(row.getByTestId("agent-flag")).toBeVisible();
  // On a laptop-sized window the flag reads as one phrase and the queue needs no sideways scroll.
  await reviewer.setViewportSize({ width: 1280, height: 800 });
  await expectOneLine(row.getByTestId("agent-flag"));
  await expectFitsSideways(reviewer.getByRole("table", { name: "Privacy requests by deadline" }));
  await reviewer.screenshot({ path: "/tmp/ui-queue.png" });
  // On a phone the table scrolls sideways, and its cells shrink to their narrowest: still one line.
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await expectOneLine(row.getByTestId("agent-flag"));
  await reviewer.screenshot({ path: "/tmp/ui-queue-phone.png", fullPage: true });
  await reviewer.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(reviewer);
  await row.getByRole("link", { name: reference }).click();
  await expect(reviewer.getByRole("heading", { name: `Request ${reference}` })).toBeVisible();
  return reviewer;
}

test("an agent with a mandate: the subject is told, a reviewer approves, and the agent downloads an archive that says who asked", async ({
  page,
  browser,
}) => {
  const agent = "counsel-e2e@lawfirm.example";
  const reference = await askForSomeoneElse(page, agent, "sam@example.com", "lawyer");

  const told = await expectEmail(page, "sam@example.com", "Someone asked StreamPay for a copy of your data");
  await expect(told).toContainText(
    `${agent} asked StreamPay for a copy of the personal data we hold about sam@example.com`,
  );

  const reviewer = await reviewerOn(browser, reference);
  await expect(reviewer.getByTestId("mandate-subject")).toContainText(`sam@example.com, by ${agent} as their lawyer`);
  await expect(reviewer.getByTestId("matching-records")).toContainText("Sam Rivera");
  await expect(reviewer.getByTestId("mandate-objection")).toHaveText("None so far.");
  await expectAccessible(reviewer);
  const href = (await reviewer.getByRole("link", { name: /Open the mandate/ }).getAttribute("href"))!;
  const file = await reviewer.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toBe("no-store");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await file.body())).toEqual(mandate.buffer);
  // The agent cannot fetch the mandate back, nor reach the staff page.
  expect((await page.request.get(href)).status()).toBe(404);

  await reviewer.getByRole("button", { name: "Approve identity" }).click();
  await expect(reviewer.getByTestId("identity-decision")).toContainText("Approved by Riley Chen");
  await reviewer.context().close();

  // Worded for the agent: whose data it is, not "your data".
  const ready = await expectEmail(page, agent, "The data of sam@example.com is ready to download");
  const downloading = page.waitForEvent("download");
  await ready.getByTestId("outbox-link").filter({ hasText: "/download" }).click();
  const entries = await readZipEntries(await readFile((await (await downloading).path())!));
  expect(JSON.parse(entries.get("manifest.json")!.toString()).subject).toEqual({
    id: "cus_000002",
    email: "sam@example.com",
  });
  expect(entries.get("README.html")!.toString()).toContain(`${agent}, as your lawyer`);

  // The agent's own pages speak of the person asked for, not of "your data".
  await page.goto("/privacy-center");
  await expect(page.getByRole("listitem").filter({ hasText: reference })).toContainText("Ready to download");
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Ready to download");
  await expect(page.getByText("The data of the person you asked for is ready.")).toBeVisible();
  await expect(page.getByText("Your data is ready.")).toHaveCount(0);
});

test("the subject objects from the email; the reviewer can only refuse, and the agent is told why", async ({
  page,
  browser,
}) => {
  const agent = "stranger-e2e@agent.example";
  const subject = "objecting-subject@example.org";
  const reference = await askForSomeoneElse(page, agent, subject, "parent or guardian");

  const person = await (await browser.newContext()).newPage();
  const told = await expectEmail(person, subject, "Someone asked StreamPay");
  await told.getByTestId("outbox-link").filter({ hasText: "/privacy-center/object" }).click();
  await expect(person.getByRole("heading", { name: "Object to a request made for you" })).toBeVisible();
  await expect(person.getByText(`${agent} asked for a copy of your personal data (request ${reference}`)).toBeVisible();
  await expectAccessible(person);
  await person.getByRole("button", { name: "I object: I did not authorise this" }).click();
  await expect(
    person.getByText("Thank you. Your objection is recorded and the request will be refused."),
  ).toBeVisible();
  await person.reload();
  await expect(person.getByText("Your objection was recorded on")).toBeVisible();
  await person.context().close();

  const reviewer = await reviewerOn(browser, reference);
  await expect(reviewer.getByTestId("mandate-objection")).toContainText("The data subject objected on");
  await expect(reviewer.getByRole("button", { name: "Approve identity" })).toHaveCount(0);
  await expect(reviewer.getByTestId("request-timeline")).toContainText("The data subject objected");
  await reviewer
    .getByLabel("Reason for rejecting")
    .fill("The person you asked for told us they did not authorise this request.");
  await reviewer.getByRole("button", { name: "Reject identity" }).click();
  await expect(reviewer.getByTestId("identity-decision")).toContainText("Rejected by Riley Chen");
  await expectAccessible(reviewer);
  await reviewer.context().close();

  const notice = await expectEmail(page, agent, "could not be completed");
  await expect(notice).toContainText("did not authorise this request");
});

test.describe("in German", () => {
  test.use({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } });

  test("the form, the agent's emails and the objection page speak German, the subject's email their own language; a PDF with a script is refused with a German message", async ({
    page,
    browser,
  }) => {
    const agent = "elternteil-e2e@example.org";
    await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl: "/privacy-center/request?type=access" })}`);
    await page.getByLabel("E-Mail-Adresse").fill(agent);
    await page.getByRole("button", { name: "Anmeldelink per E-Mail senden" }).click();
    const signInMail = await expectEmail(page, agent, "Anmeldung");
    await signInMail.getByTestId("outbox-link").first().click();
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Anfrage stellen", level: 1 })).toBeVisible();

    await page.getByRole("checkbox", { name: /Ich frage für eine andere Person/ }).check();
    await page.getByLabel(/E-Mail-Adresse der Person/).fill("kind-e2e@example.org");
    await page.getByRole("radio", { name: "Elternteil oder Vormund" }).check();
    const script = Buffer.from(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n",
    );
    await page
      .getByLabel(/Ihre Vollmacht/)
      .setInputFiles({ name: "vollmacht.pdf", mimeType: "application/pdf", buffer: script });
    await page.getByRole("checkbox", { name: /Ich bin berechtigt/ }).check();
    await page.getByRole("button", { name: "Anfrage absenden" }).click();
    await expect(page.getByText("Dieses PDF enthält Skripte oder Aktionen").first()).toBeVisible();
    await expectAccessible(page);

    // Over 10 MB the form says so before sending (the server action's body limit would only give an error page).
    await page.getByRole("checkbox", { name: /Ich frage für eine andere Person/ }).check();
    await page
      .getByLabel(/Ihre Vollmacht/)
      .setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await page.getByRole("button", { name: "Anfrage absenden" }).click();
    await expect(page.getByText("Diese Datei ist größer als 10 MB.")).toBeVisible();

    await page.getByRole("checkbox", { name: /Ich frage für eine andere Person/ }).check();
    await page.getByLabel(/E-Mail-Adresse der Person/).fill("kind-e2e@example.org");
    await page.getByRole("radio", { name: "Elternteil oder Vormund" }).check();
    await page.getByLabel(/Ihre Vollmacht/).setInputFiles(mandate);
    await page.getByRole("checkbox", { name: /Ich bin berechtigt/ }).check();
    await page.getByRole("button", { name: "Anfrage absenden" }).click();
    await expect(page.getByTestId("on-behalf")).toContainText(
      "Angefragt für kind-e2e@example.org, als Elternteil oder Vormund",
    );

    await expectEmail(page, agent, "Wir haben Ihre Anfrage zu den Daten von kind-e2e@example.org erhalten");

    // Not in the agent's language: the person has no account, so the company's DEFAULT_LOCALE (English).
    const person = await (
      await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } })
    ).newPage();
    const told = await expectEmail(person, "kind-e2e@example.org", "Someone asked StreamPay for a copy of your data");
    await expect(told).toContainText("I did not authorise this");
    await told.getByTestId("outbox-link").filter({ hasText: "/privacy-center/object" }).click();
    await expect(person.getByRole("heading", { name: "Einer Anfrage in Ihrem Namen widersprechen" })).toBeVisible();
    await expect(person.getByRole("button", { name: "Ich widerspreche: Ich habe das nicht veranlasst" })).toBeVisible();
    await expectAccessible(person);
    await person.context().close();
  });
});
