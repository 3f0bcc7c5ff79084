import { describe, expect, it } from "vitest";
import { findChromium, noChromiumMessage } from "../e2e/support/browser";
import {
  APT_INSTALL,
  APT_UPDATE,
  ensureBrowser,
  isDebianLike,
  PLAYWRIGHT_INSTALL,
  type BrowserSetup,
} from "./ensure-browser";

// A machine whose files are a set of paths; commands "install" a path when they succeed.
function machine(options: {
  present?: string[];
  playwrightInstalls?: boolean;
  aptInstalls?: boolean;
  root?: boolean;
  debian?: boolean;
}) {
  const files = new Set(options.present ?? []);
  const ran: string[] = [];
  const lookup = {
    env: {},
    exists: (p: string) => files.has(p),
    playwrightPath: () => "/pw/chrome",
    systemPaths: ["/usr/bin/chromium"],
  };
  const setup: BrowserSetup = {
    find: () => findChromium(lookup),
    run: (command) => {
      ran.push(command.join(" "));
      if (command.join(" ") === PLAYWRIGHT_INSTALL.join(" ") && options.playwrightInstalls) files.add("/pw/chrome");
      if (command.join(" ") === APT_INSTALL.join(" ") && options.aptInstalls) files.add("/usr/bin/chromium");
      if (command.join(" ") === PLAYWRIGHT_INSTALL.join(" ")) return Boolean(options.playwrightInstalls);
      return command.join(" ") === APT_UPDATE.join(" ") || Boolean(options.aptInstalls);
    },
    isRoot: () => options.root ?? false,
    isDebianLike: () => options.debian ?? false,
    noBrowserMessage: () => noChromiumMessage(lookup),
  };
  return { setup, ran };
}

describe("ensureBrowser", () => {
  it("uses a Chromium that is already there and installs nothing", () => {
    const { setup, ran } = machine({ present: ["/usr/bin/chromium"], root: true, debian: true });
    expect(ensureBrowser(setup)).toEqual({
      ok: true,
      path: "/usr/bin/chromium",
      origin: "the system's Chromium, already installed",
    });
    expect(ran).toEqual([]);
  });

  it("downloads Playwright's Chromium when none is found and stops there", () => {
    const { setup, ran } = machine({ playwrightInstalls: true, root: true, debian: true });
    const result = ensureBrowser(setup);
    expect(result).toMatchObject({
      ok: true,
      path: "/pw/chrome",
      origin: expect.stringContaining("playwright install"),
    });
    expect(ran).toEqual(["npx playwright install chromium"]);
  });

  it("falls back to apt-get as root on Debian when the download fails", () => {
    const { setup, ran } = machine({ aptInstalls: true, root: true, debian: true });
    const result = ensureBrowser(setup);
    expect(result).toMatchObject({ ok: true, path: "/usr/bin/chromium", origin: expect.stringContaining("apt-get") });
    expect(ran).toEqual(["npx playwright install chromium", "apt-get update", "apt-get install -y chromium"]);
  });

  it("does not touch apt when not root, and says what to do", () => {
    const { setup, ran } = machine({ aptInstalls: true, root: false, debian: true });
    const result = ensureBrowser(setup);
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^No Chromium for the end-to-end tests: run `npx playwright install chromium`/),
    });
    expect(ran).toEqual(["npx playwright install chromium"]);
  });

  it("does not touch apt off Debian", () => {
    const { setup, ran } = machine({ aptInstalls: true, root: true, debian: false });
    expect(ensureBrowser(setup).ok).toBe(false);
    expect(ran).toEqual(["npx playwright install chromium"]);
  });

  it("stops with the clear sentence when both ways fail", () => {
    const { setup } = machine({ aptInstalls: false, root: true, debian: true });
    expect(ensureBrowser(setup)).toEqual({ ok: false, message: expect.stringContaining("tried /usr/bin/chromium") });
  });
});

describe("isDebianLike", () => {
  it("recognises Debian, Ubuntu and their derivatives from os-release", () => {
    expect(isDebianLike('PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n')).toBe(true);
    expect(isDebianLike("ID=ubuntu\nID_LIKE=debian\n")).toBe(true);
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
  });

  it("refuses other distributions and an empty file", () => {
    expect(isDebianLike('ID=fedora\nID_LIKE="rhel centos"\n')).toBe(false);
    expect(isDebianLike("ID=alpine\n")).toBe(false);
    expect(isDebianLike("")).toBe(false);
  });
});

describe("findChromium", () => {
  it("prefers Playwright's own, then CHROMIUM_PATH, then the system's", () => {
    const all = new Set(["/pw/chrome", "/opt/chrome", "/usr/bin/chromium"]);
    const lookup = (files: Set<string>) => ({
      env: { CHROMIUM_PATH: "/opt/chrome" },
      exists: (p: string) => files.has(p),
      playwrightPath: () => "/pw/chrome",
      systemPaths: ["/usr/bin/chromium"],
    });
    expect(findChromium(lookup(all))?.executablePath).toBeUndefined();
    all.delete("/pw/chrome");
    expect(findChromium(lookup(all))?.executablePath).toBe("/opt/chrome");
    all.delete("/opt/chrome");
    expect(findChromium(lookup(all))?.executablePath).toBe("/usr/bin/chromium");
    all.delete("/usr/bin/chromium");
    expect(findChromium(lookup(all))).toBeUndefined();
  });
});
