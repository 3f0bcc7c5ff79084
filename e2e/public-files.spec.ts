import { expect, test } from "@playwright/test";

// What browsers, crawlers and security researchers fetch without signing in: the icons, the
// manifest, robots.txt and security.txt (RFC 9116). Each is served, with the right type.

test.describe("public files, signed out", () => {
  test("robots.txt keeps every crawler out of the portal", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/plain");
    const body = await response.text();
    expect(body).toMatch(/^User-agent: \*$/m);
    expect(body).toMatch(/^Disallow: \/$/m);
  });

  test("security.txt names a contact and expires in the future (RFC 9116)", async ({ request }) => {
    const response = await request.get("/.well-known/security.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    const body = await response.text();
    expect(body).toMatch(/^Contact: (mailto:\S+@\S+|https:\/\/\S+)$/m);
    const expires = body.match(/^Expires: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/m)?.[1];
    expect(expires, "an RFC 3339 Expires").toBeDefined();
    expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
    expect(body).toMatch(/^Canonical: https?:\/\/\S+\/\.well-known\/security\.txt$/m);
  });

  test("the web app manifest is valid JSON with the app icons", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = (await response.json()) as { name: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toContain("Privacy Center");
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"], icon.src).toMatch(/^image\//);
    }
  });

  test("favicons and the logo are served as images", async ({ request }) => {
    for (const path of ["/favicon.ico", "/favicon.svg", "/logo.svg", "/logo-email.png", "/apple-touch-icon.png"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toMatch(/^image\//);
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    }
  });

  test("every page links its icons and manifest, and the header shows the logo", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", /manifest\.webmanifest/);
    await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", /favicon\.svg/);
    const logo = page.locator("header img").first();
    await expect(logo).toHaveAttribute("src", /logo\.svg/);
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });
});
