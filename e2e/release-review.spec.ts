import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { readZipEntries } from "@/lib/export/testing/read-zip";
import { expectAccessible } from "./support/accessibility";
import { e2eDatabaseUrl } from "./support/database-url";
import { expectOneLine } from "./support/layout";
import { signIn } from "./support/sign-in";

// Art. 15(4) GDPR: a support ticket that names another customer is held before release; a
// reviewer redacts the other person's data in the console, the request is released, and the
// archive carries the marker instead of that person's email address.

test.describe.configure({ timeout: 180_000 });

const CUSTOMER = "art15-4@example.com";
const MESSAGE = "Please refund my flatmate Casey Kim, her address is casey@example.com.";
const MARKER = "[redacted: personal data of another person]";

/** A StreamPay customer of their own, with one ticket naming Casey Kim (another customer). */
async function seedCustomerNamingCasey(): Promise<void> {
  const database = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await database.connect();
  try {
    const { rows } = await database.query<{ id: string }>(
      `INSERT INTO streampay.customers (external_id, email, full_name, country)
       VALUES ('cus_art154', $1, 'Robin Shared', 'IE')
       ON CONFLICT (email) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`,
      [CUSTOMER],
    );
    const customerId = rows[0]!.id;
    await database.query(
      `WITH ticket AS (
         INSERT INTO streampay.support_tickets (customer_id, subject, status, created_at)
         VALUES ($1, 'Refund for a shared plan', 'open', now()) RETURNING id)
       INSERT INTO streampay.ticket_messages (ticket_id, author, body, sent_at)
       SELECT id, 'customer', $2, now() FROM ticket`,
      [customerId, MESSAGE],
    );
  } finally {
    await database.end();
  }
}

async function expectStatus(page: Page, text: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("request-status")).toHaveText(text, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

const JOURNEY =
  "a ticket naming another customer is held, redacted by a reviewer, released, and the archive shows the marker";

test(JOURNEY, async ({ page, browser }) => {
  await seedCustomerNamingCasey();
  await signIn(page, CUSTOMER, "/privacy-center/request?type=access");
  for (const box of await page.locator('input[name="sourceKeys"]').all()) await box.uncheck();
  await page.getByRole("checkbox", { name: /^Support conversations/ }).check();
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Request ", "");

  // The exact email match is approved automatically; collecting finds Casey and holds the request.
  await expectStatus(page, "Checking before release");
  // Collected already: the step in hand is preparing the download, not collecting.
  await expect(page.locator('[aria-current="step"]')).toContainText("Preparing your download");
  await expect(page.getByText("You need not do anything: we email you when it is ready.")).toBeVisible();
  await expectAccessible(page);

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer@example.com", "/admin");
  const row = reviewer.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Review before release");
  // A reference is quoted whole: it never breaks at its hyphen on a laptop-sized window.
  await reviewer.setViewportSize({ width: 1280, height: 800 });
  await expectOneLine(row.getByRole("link", { name: reference }));
  await row.getByRole("link", { name: reference }).click();
  await expect(reviewer.getByTestId("staff-request-status")).toHaveText("Review before release");
  await expect(reviewer.getByTestId("disclosure-panel")).toContainText(
    "themselves). 2 still to decide; the archive is packaged once every passage is decided.",
  );
  const findings = reviewer.getByTestId("disclosure-finding");
  await expect(findings).toHaveCount(2);
  await expect(findings.filter({ hasText: "Name of another customer" }).locator("mark")).toHaveText("Casey Kim");
  await expect(findings.filter({ hasText: "Email address" }).locator("mark")).toHaveText("casey@example.com");
  // The whole message fits in the context: no "…" that would suggest text left out.
  await expect(findings.filter({ hasText: "Name of another customer" }).getByTestId("finding-passage")).toHaveText(
    MESSAGE,
  );
  await expectAccessible(reviewer);

  for (const kind of ["Email address", "Name of another customer"]) {
    const finding = findings.filter({ hasText: kind });
    await finding.getByRole("radio", { name: "Redact from the archive" }).check();
    await finding.getByLabel("Reason").fill("Casey's personal data, not the customer's");
    await finding.getByRole("button", { name: "Save decision" }).click();
    await expect(finding.getByTestId("finding-decision")).toContainText("Redacted by reviewer@example.com");
  }
  await reviewer.reload();
  await expect(reviewer.getByTestId("finding-decision")).toHaveCount(2);
  // Released: nothing is left to decide, and no sentence is left starting in lower case.
  await expect(reviewer.getByTestId("disclosure-panel")).not.toContainText("the archive is packaged once");
  await expect(reviewer.getByTestId("disclosure-panel")).toContainText("each passage, and what was decided on it");
  await expectAccessible(reviewer);
  await expect(reviewer.getByTestId("request-timeline")).toContainText("Released after review");
  await reviewer.context().close();

  await expectStatus(page, "Ready to download");
  await page.goto(`/dev/outbox?${new URLSearchParams({ to: CUSTOMER })}`);
  const email = page.getByTestId("outbox-email").filter({ hasText: "Your data is ready" }).first();
  const downloading = page.waitForEvent("download");
  await email.getByTestId("outbox-link").filter({ hasText: "/download" }).click();
  const entries = await readZipEntries(await readFile((await (await downloading).path())!));
  const support = entries.get("data/support.json")!.toString();
  expect(support).toContain(`Please refund my flatmate ${MARKER}, her address is ${MARKER}.`);
  expect(support).not.toContain("casey@example.com");
  expect(entries.get("data/support.csv")!.toString()).not.toContain("casey@example.com");
  expect(entries.get("README.html")!.toString()).toContain("Article 15(4) GDPR");
});
