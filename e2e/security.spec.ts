import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import fc from "fast-check";
import { MANDATE_MAX_BYTES } from "@/lib/mandates/mandate-fields";
import { plainPdf } from "@/lib/mandates/testing/mandate-files";
import { SIGN_IN_EMAILS_PER_ADDRESS } from "./support/limits";
import { signIn } from "./support/sign-in";

// What an attacker tries against the running portal: framing it, injecting script, posting from
// another site, malformed addresses. Every page and route answers with the security headers set
// in proxy.ts, and no page trips its own Content-Security-Policy.

type HeaderSource = Response | APIResponse;

function expectSecurityHeaders(response: HeaderSource | null, referrerPolicy = "strict-origin-when-cross-origin") {
  expect(response, "a response").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "default-src 'self'",
  ]) {
    expect(csp, `${response!.url()} CSP`).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"], `${response!.url()} Referrer-Policy`).toBe(referrerPolicy);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain http here: HSTS would be ignored by browsers and is not sent.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Records every CSP violation the page reports, from the DOM event and from the console. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation(line: string): void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname}`,
      );
    });
  });
  return violations;
}

async function visit(page: Page, path: string, referrerPolicy?: string) {
  const response = await page.goto(path);
  expectSecurityHeaders(response, referrerPolicy);
  // Hydration ran: Next's client router is live only if its nonced scripts were allowed.
  await page.waitForFunction(() => "next" in window);
  return response;
}

test("every public page carries the security headers and none trips its Content-Security-Policy", async ({ page }) => {
  const violations = await watchCspViolations(page);
  for (const path of ["/", "/privacy-policy", "/sign-in", "/verify-request", "/dev/outbox", "/no-such-page"])
    await visit(page, path);
  expect(violations).toEqual([]);
});

test("the customer's and the reviewer's pages carry the headers too, with no Referer from a status page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const violations = await watchCspViolations(page);
  await signIn(page, "security-headers@example.com");
  await visit(page, "/privacy-center");
  await visit(page, "/privacy-center/request?type=access");
  await page.getByRole("checkbox", { name: /I am asking for my own personal data/ }).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/privacy-center\/requests\/[0-9a-f-]{36}$/);
  // The status page may carry a signed download link: it must not leak through Referer.
  await visit(page, new URL(page.url()).pathname, "no-referrer");
  expect(violations).toEqual([]);

  const reviewer = await (await browser.newContext()).newPage();
  const reviewerViolations = await watchCspViolations(reviewer);
  await signIn(reviewer, "reviewer@example.com", "/admin");
  await visit(reviewer, "/admin");
  expect(await reviewer.title()).toBe("Review console · Privacy Center");
  expect(reviewerViolations).toEqual([]);
  await reviewer.context().close();
});

test("API routes, redirects and the download route carry the headers too", async ({ request }) => {
  expectSecurityHeaders(await request.get("/api/health"));
  expectSecurityHeaders(await request.get("/api/v1/exports"));
  expectSecurityHeaders(await request.get("/privacy-center", { maxRedirects: 0 }));
  const download = await request.get("/privacy-center/requests/00000000-0000-4000-8000-000000000000/download?token=x", {
    maxRedirects: 0,
  });
  expectSecurityHeaders(download, "no-referrer");
  // Each response gets its own nonce.
  const [a, b] = await Promise.all([request.get("/"), request.get("/")]);
  expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]);
});

test("a signed-in customer's browser cannot be made to create a request from another site", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "security-csrf@example.com");
  const body = JSON.stringify({ type: "ACCESS" });

  const forged = await page.request.post("/api/v1/exports", {
    data: body,
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("cross_site_request");
  const crossSite = await page.request.post("/api/v1/exports", {
    data: body,
    headers: { "sec-fetch-site": "cross-site", origin: baseURL!, "content-type": "application/json" },
  });
  expect(crossSite.status()).toBe(403);
  const noOrigin = await page.request.post("/api/v1/exports", {
    data: body,
    headers: { "content-type": "application/json" },
  });
  expect(noOrigin.status()).toBe(403);
  const notJson = await page.request.post("/api/v1/exports", {
    data: body,
    headers: { origin: baseURL!, "content-type": "text/plain" },
  });
  expect(notJson.status()).toBe(415);
  expect((await notJson.json()).error.code).toBe("unsupported_media_type");

  // None of those created anything; the portal's own origin with JSON does.
  await page.goto("/privacy-center");
  await expect(page.getByRole("link", { name: /DSR-/ })).toHaveCount(0);
  const ours = await page.request.post("/api/v1/exports", {
    data: body,
    headers: { origin: baseURL!, "content-type": "application/json" },
  });
  expect(ours.status()).toBe(202);
  await page.goto("/privacy-center");
  await expect(page.getByRole("link", { name: /DSR-/ })).toHaveCount(1);
  const sameOrigin = await page.request.post("/api/v1/exports", {
    data: body,
    headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
  });
  expect((await sameOrigin.json()).error.code).toBe("open_request_exists");
});

test("malformed addresses answer 404, not 500", async ({ page }) => {
  await signIn(page, "security-paths@example.com");
  expect((await page.goto("/privacy-center/requests/%zz"))?.status()).toBe(404);
  expect((await page.request.get("/api/v1/exports/%zz")).status()).toBe(404);
  expect((await page.request.get("/privacy-center/requests/%zz/download?token=x", { maxRedirects: 0 })).status()).toBe(
    404,
  );
});

test("a mail scanner opening the sign-in link first does not use it up", async ({ page, playwright, baseURL }) => {
  const email = "security-scanner@example.com";
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(`/dev/outbox?${new URLSearchParams({ to: email })}`);
  const link = (await page
    .getByTestId("outbox-email")
    .first()
    .getByTestId("outbox-link")
    .first()
    .getAttribute("href"))!;

  // The scanner: no cookies, follows redirects, fetches the page and anything it links to.
  const scanner = await playwright.request.newContext({ baseURL });
  const scanned = await scanner.get(link);
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain("Finish signing in");
  const callback = new URL(link);
  callback.pathname = "/api/auth/callback/email";
  expect((await scanner.get(callback.toString())).status()).toBe(200); // shown the same page, nothing spent
  // A page on another site cannot post the link for the person (login CSRF).
  expect((await scanner.post(callback.toString(), { headers: { origin: "https://evil.example" } })).status()).toBe(403);
  await scanner.dispose();

  // The person, a minute later, presses the button and is signed in.
  await page.goto(link);
  expect(await page.evaluate(() => document.referrer)).toBe("");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
});

test("a sign-in refused by the rate limit says how long to wait", async ({ page, request }) => {
  const email = `security-limit-${Date.now()}@example.com`;
  for (let i = 0; i < SIGN_IN_EMAILS_PER_ADDRESS; i++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  // Straight at Auth.js's endpoint, past the form's own check: refused at the send.
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const refused = await request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/privacy-center" },
    maxRedirects: 0,
  });
  const location = new URL(refused.headers()["location"]!);
  expect(location.pathname).toBe("/sign-in");
  expect(location.searchParams.get("error")).not.toBe("Configuration");
  await page.goto(location.pathname + location.search);
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in emails" })).toHaveText(
    /try again in (59|60) minutes/,
  );
});

test("a customer's 404 on the review console is the same as an unknown page's", async ({ page }) => {
  await signIn(page, "security-admin-404@example.com");
  const unknown = await page.goto("/no-such-page");
  expect(unknown?.status()).toBe(404);
  const unknownTitle = await page.title();
  const unknownMain = await page.locator("main").innerText();

  const admin = await page.goto("/admin");
  expect(admin?.status()).toBe(404);
  expect(await page.title()).toBe(unknownTitle);
  expect(await page.locator("main").innerText()).toBe(unknownMain);
  expect(await page.content()).not.toContain("Review console");
});

test("no body thrown at the exports API gets a 5xx, and a refused one stores nothing", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, "security-fuzz@example.com");
  const json = { origin: baseURL!, "content-type": "application/json" };
  const awkward = fc.oneof(
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.constantFrom("-200000-01-01", "+275760-09-13", "1969-12-31", "2999-01-01", "\u0000", "%zz", "ACCESS", "JSON"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  );
  const body = fc.oneof(
    fc
      .record(
        {
          type: fc.oneof(fc.constantFrom("ACCESS", "PORTABILITY"), awkward),
          sourceKeys: awkward,
          formats: awkward,
          rangeFrom: awkward,
          rangeTo: awkward,
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? ""),
  );
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(body, async (data) => {
      const response = await page.request.post("/api/v1/exports", { data, headers: json });
      expect(response.status(), data).toBeLessThan(500);
      // The body is parsed before the one-open-request rule, so later valid bodies still get
      // every check; they are then refused as a second request (409) or over the daily cap (429).
      if (response.status() === 202) accepted += 1;
    }),
    { numRuns: 50 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponent),
        fc.constantFrom("%zz", "%", "%E0%A4%A", "..%2f..", "%00", "00000000-0000-4000-8000-000000000000"),
      ),
      async (id) => {
        expect((await page.request.get(`/api/v1/exports/${id}`)).status(), id).toBeLessThan(500);
      },
    ),
    { numRuns: 30 },
  );
  expect(accepted).toBeLessThanOrEqual(1);
  // What was refused left nothing behind: the customer's list holds exactly the accepted requests.
  await page.goto("/privacy-center");
  await expect(page.getByRole("link", { name: /DSR-/ })).toHaveCount(accepted);
});

test("a mandate near 10 MB is taken and one just over is refused as too large, not cut short by the proxy", async ({
  page,
  baseURL,
}) => {
  // Next.js buffers every body for proxy.ts and, above proxyClientMaxBodySize, silently cuts it:
  // both files below were then refused as malformed multipart (400).
  test.setTimeout(120_000);
  await signIn(page, "large-mandate@example.com");
  const plain = plainPdf();
  const pdfOf = (size: number) =>
    Buffer.concat([plain.subarray(0, 9), Buffer.from(`%${"a".repeat(size - plain.length - 2)}\n`), plain.subarray(9)]);
  const send = (mandate: Buffer) =>
    page.request.post("/api/v1/agent-exports", {
      headers: { origin: baseURL! },
      multipart: {
        type: "ACCESS",
        subjectEmail: "large-mandate-subject@example.com",
        relationship: "PARENT_OR_GUARDIAN",
        mandate: { name: "mandate.pdf", mimeType: "application/pdf", buffer: mandate },
      },
    });
  const over = await send(pdfOf(MANDATE_MAX_BYTES + 20_000));
  expect(over.status()).toBe(413);
  expect(await over.json()).toMatchObject({ error: { code: "mandate_too_large" } });
  const under = await send(pdfOf(MANDATE_MAX_BYTES - 100));
  expect(under.status(), await under.text()).toBe(202);
});
