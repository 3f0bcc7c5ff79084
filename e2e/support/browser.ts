import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Which Chromium the end-to-end tests drive: Playwright's own when it is installed (`npx
// playwright install chromium`, the usual way on a laptop), else CHROMIUM_PATH, else the system's
// (Debian: `apt-get install chromium`). Undefined means "Playwright's own".

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function chromiumExecutable(env: Record<string, string | undefined> = process.env): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  const candidates = [env.CHROMIUM_PATH, ...SYSTEM_CHROMIUM].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium for the end-to-end tests: run \`npx playwright install chromium\`, install your system's (\`apt-get install chromium\`), or set CHROMIUM_PATH to one (tried ${candidates.join(", ")}).`,
  );
}
