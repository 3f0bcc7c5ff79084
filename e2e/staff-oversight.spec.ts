import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectAccessible } from "./support/accessibility";
import { expectReadableLabels } from "./support/layout";
import { readmeScreenshot } from "./support/screenshots";
import { signIn, signInFromSignInPage } from "./support/sign-in";

// The compliance lead's oversight of the review console: staff and roles, the audit log and its
// proof, the dashboard. Every staff page visited is checked with axe.

const consoleNav = (page: Page) => page.getByRole("navigation", { name: "Review console" });

// Three people sign in by email in the first journey; allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("an admin invites a reviewer, who signs in from the invitation and decides a request", async ({
  page,
  browser,
}, testInfo) => {
  // A customer with no record in the company's systems: their request waits for a reviewer.
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "no-record@example.com", "/privacy-center/request?type=access");
  await customer.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await customer.getByRole("button", { name: "Send my request" }).click();
  await expect(customer).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
  const reference = (await customer.getByRole("heading", { level: 1 }).textContent())!.match(/DSR-\d{4}-\d{6}/)![0];
  await customer.context().close();

  await signIn(page, "admin@example.com", "/admin");
  await expect(consoleNav(page).getByRole("link", { name: "Queue" })).toHaveAttribute("aria-current", "page");
  await readmeScreenshot(page, testInfo, "queue");
  await consoleNav(page).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { name: "Staff and roles", level: 1 })).toBeVisible();
  await expect(consoleNav(page).getByRole("link", { name: "Staff" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("new.reviewer@example.com");
  await page.getByRole("button", { name: "Invite reviewer" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "new.reviewer@example.com is now a reviewer. We emailed them a link to sign in.",
  );
  const staffTable = page.getByTestId("staff-members");
  await expect(staffTable.getByRole("row", { name: /new\.reviewer@example\.com/ })).toContainText("Reviewer");
  // The last admin is the viewer: their own row has no controls.
  await expect(staffTable.getByRole("row", { name: /admin@example\.com/ })).toContainText(
    "another admin can change your role",
  );
  await expectAccessible(page);

  // The reviewer follows the invitation to the sign-in page and into the console.
  const reviewer = await (await browser.newContext()).newPage();
  await reviewer.goto("/dev/outbox?to=new.reviewer%40example.com");
  const invitation = reviewer
    .getByTestId("outbox-email")
    .filter({ hasText: "You have been added to the StreamPay privacy team" });
  await invitation.getByTestId("outbox-link").first().click();
  await signInFromSignInPage(reviewer, "new.reviewer@example.com");
  await expect(reviewer).toHaveURL(/\/admin$/);
  await expect(reviewer.getByTestId("signed-in-as")).toHaveText("new.reviewer@example.com");
  await expect(consoleNav(reviewer).getByRole("link")).toHaveText(["Queue", "Audit log", "Dashboard"]);
  await expectAccessible(reviewer);

  // They open the waiting request from the queue and decide it: no customer record matches, so
  // approving needs them to confirm that no data is held.
  await reviewer.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference }).click();
  await expect(reviewer.getByRole("heading", { name: `Request ${reference}` })).toBeVisible();
  await reviewer.getByRole("radio", { name: "We hold no data about this person" }).check();
  await reviewer.getByRole("button", { name: "Approve identity" }).click();
  await expect(reviewer.getByTestId("identity-decision")).toContainText("Approved by");

  // Staff management stays out of a reviewer's reach.
  expect((await reviewer.goto("/admin/staff"))?.status()).toBe(404);
  await reviewer.context().close();

  // The invitation, the role change and the decision are in the audit log.
  await page.goto("/admin/audit?action=user.role_changed");
  await expect(page.getByTestId("audit-events")).toContainText("new.reviewer@example.com");
  await page.goto(`/admin/audit?${new URLSearchParams({ request: reference, action: "identity.approved" })}`);
  await expect(page.getByTestId("audit-events").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("audit-events")).toContainText("new.reviewer@example.com");
});

test("the audit log filters, downloads its CSV and proves the chain intact; the dashboard shows charts and tables", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@example.com", "/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(consoleNav(page).getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  await page.getByLabel("Action").selectOption("user.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.created/);
  const rows = page.getByTestId("audit-events").locator("tbody tr");
  await expect(rows.first()).toContainText("user.created");
  const shown = await rows.count();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these events as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
  const csv: Record<string, string>[] = parse(await readFile((await download.path())!), { bom: true, columns: true });
  // Journeys on the other Playwright worker may create accounts between the page and the download;
  // that the CSV holds exactly the filtered events is proven in lib/dal/audit-log.int.test.ts.
  expect(csv.length).toBeGreaterThanOrEqual(shown);
  expect(new Set(csv.map((row) => row.action))).toEqual(new Set(["user.created"]));

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("chain-verdict")).toHaveText(/^Chain intact, [\d,]+ events checked\.$/);
  await expectAccessible(page);

  // A hand-edited address is explained, not a crash.
  await page.goto("/admin/audit?from=yesterday&request=nothing");
  await expect(page.getByRole("region", { name: "Filter events" }).getByRole("alert")).toContainText(
    "From must be a date (YYYY-MM-DD); it was ignored.",
  );
  await expectAccessible(page);

  await consoleNav(page).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  for (const chart of ["received", "delivered", "open-status", "open-due"]) {
    await expect(page.getByTestId(`${chart}-chart`)).toBeVisible();
  }
  await expect(page.getByTestId("received-chart").locator("rect").first()).toBeAttached();
  await page.getByText("Show the figures as a table").first().click();
  await expect(
    page.getByTestId("received-table").getByRole("columnheader", { name: "Access (a copy of the data)" }),
  ).toBeVisible();
  await expectAccessible(page);
  await readmeScreenshot(page, testInfo, "dashboard");

  // Every axis label can be read on a laptop and on a phone (where the week charts turn into rows).
  // (The due-week chart has a bar only for weeks with open requests: too few to compare here.)
  const labels = (chart: string) => page.locator(`figure[aria-labelledby="${chart}-title"] [data-chart-label]:visible`);
  const charts = ["received", "delivered", "open-status"];
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const chart of charts) await expectReadableLabels(labels(chart));
  await expect(labels("open-status")).toContainText([
    "Identity review",
    "Review before release",
    "Failed: needs retry",
  ]);
  await page.screenshot({ path: "/tmp/ui-dashboard-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("received-narrow-chart")).toBeVisible();
  for (const chart of charts) await expectReadableLabels(labels(chart));
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/ui-dashboard-phone.png", fullPage: true });
});
