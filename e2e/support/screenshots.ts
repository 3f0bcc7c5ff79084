import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

/**
 * The README's screenshots (docs/screenshots/*.png) are taken by the journeys themselves. They
 * are only written there with README_SCREENSHOTS=1; otherwise they go to the test's output.
 */
export async function readmeScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file =
    process.env.README_SCREENSHOTS === "1"
      ? path.join("docs", "screenshots", `${name}.png`)
      : testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}
