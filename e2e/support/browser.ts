import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Which Chromium the end-to-end tests drive: Playwright's own when it is installed (`npx
// playwright install chromium`, the usual way on a laptop), else CHROMIUM_PATH, else the system's
// (Debian: `apt-get install chromium`). Undefined means "Playwright's own".

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** A Chromium that exists, and where it came from (printed by `npm test`). */
export type FoundChromium = { executablePath: string | undefined; origin: string; path: string };

export type ChromiumLookup = {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  playwrightPath?: () => string;
  systemPaths?: readonly string[];
};

export function findChromium(lookup: ChromiumLookup = {}): FoundChromium | undefined {
  const { env = process.env, exists = existsSync, systemPaths = SYSTEM_CHROMIUM } = lookup;
  const own = (lookup.playwrightPath ?? (() => chromium.executablePath()))();
  if (exists(own)) return { executablePath: undefined, origin: "Playwright's own Chromium", path: own };
  if (env.CHROMIUM_PATH && exists(env.CHROMIUM_PATH)) {
    return { executablePath: env.CHROMIUM_PATH, origin: "CHROMIUM_PATH", path: env.CHROMIUM_PATH };
  }
  const system = systemPaths.find((path) => exists(path));
  return system ? { executablePath: system, origin: "the system's Chromium", path: system } : undefined;
}

export function noChromiumMessage(lookup: ChromiumLookup = {}): string {
  const { env = process.env, systemPaths = SYSTEM_CHROMIUM } = lookup;
  const tried = [env.CHROMIUM_PATH, ...systemPaths].filter((path): path is string => Boolean(path));
  return `No Chromium for the end-to-end tests: run \`npx playwright install chromium\`, install your system's (\`apt-get install chromium\`), or set CHROMIUM_PATH to one (tried ${tried.join(", ")}).`;
}

export function chromiumExecutable(env: Record<string, string | undefined> = process.env): string | undefined {
  const found = findChromium({ env });
  if (found) return found.executablePath;
  throw new Error(noChromiumMessage({ env }));
}
