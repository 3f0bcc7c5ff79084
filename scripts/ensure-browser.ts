// Before the end-to-end stage of `npm test`: make sure a Chromium exists, obtaining one when none
// does, so the README's `npm install && npm test` holds on a bare machine. In order:
//   1. one already there (Playwright's own, CHROMIUM_PATH, the system's: e2e/support/browser.ts);
//   2. `npx playwright install chromium`, the ecosystem's way (downloads from Playwright's CDN);
//   3. where that cannot download (no internet but npm and Debian mirrors, as on our CI) and we
//      are root on Debian/Ubuntu, the distribution's package: `apt-get install -y chromium`;
//   4. otherwise stop with the sentence that says what to do.
// The probes and commands are injected so the decision is unit-tested without touching apt.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { findChromium, noChromiumMessage, type FoundChromium } from "../e2e/support/browser";

export type BrowserSetup = {
  find: () => FoundChromium | undefined;
  /** Runs a command with inherited output; true when it exited 0. */
  run: (command: readonly string[], env?: Record<string, string>) => boolean;
  isRoot: () => boolean;
  isDebianLike: () => boolean;
  noBrowserMessage: () => string;
};

export type EnsuredBrowser = { ok: true; path: string; origin: string } | { ok: false; message: string };

export const PLAYWRIGHT_INSTALL = ["npx", "playwright", "install", "chromium"] as const;
export const APT_UPDATE = ["apt-get", "update"] as const;
export const APT_INSTALL = ["apt-get", "install", "-y", "chromium"] as const;

export function ensureBrowser(setup: BrowserSetup): EnsuredBrowser {
  const present = setup.find();
  if (present) return { ok: true, path: present.path, origin: `${present.origin}, already installed` };

  if (setup.run(PLAYWRIGHT_INSTALL)) {
    const downloaded = setup.find();
    if (downloaded)
      return { ok: true, path: downloaded.path, origin: "downloaded now by `npx playwright install chromium`" };
  }

  if (setup.isRoot() && setup.isDebianLike()) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (setup.run(APT_UPDATE, env) && setup.run(APT_INSTALL, env)) {
      const installed = setup.find();
      if (installed) return { ok: true, path: installed.path, origin: "installed now by `apt-get install chromium`" };
    }
  }
  return { ok: false, message: setup.noBrowserMessage() };
}

/** Debian and its derivatives (Ubuntu) name themselves in os-release(5)'s ID or ID_LIKE. */
export function isDebianLike(osRelease: string): boolean {
  const field = (name: string) => osRelease.match(new RegExp(`^${name}=["']?([^"'\\n]*)`, "m"))?.[1] ?? "";
  return `${field("ID")} ${field("ID_LIKE")}`.split(/\s+/).some((id) => id === "debian" || id === "ubuntu");
}

function readOsRelease(): string {
  for (const path of ["/etc/os-release", "/usr/lib/os-release"]) {
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  return "";
}

// A download that cannot connect retries each of Playwright's hosts before giving up; a hung one
// must not hold `npm test` for ever. Debian's chromium with its dependencies took ~2 min here.
const COMMAND_TIMEOUT_MS = 15 * 60_000;

export const machineBrowserSetup: BrowserSetup = {
  find: () => findChromium(),
  run: (command, env) =>
    spawnSync(command[0]!, command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, ...env },
      timeout: COMMAND_TIMEOUT_MS,
    }).status === 0,
  isRoot: () => process.getuid?.() === 0,
  isDebianLike: () => isDebianLike(readOsRelease()),
  noBrowserMessage: () => noChromiumMessage(),
};
