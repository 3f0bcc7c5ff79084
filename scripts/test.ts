// `npm test`: the whole suite — type check, lint, unit and integration tests (Vitest, on real
// PostgreSQL), end-to-end tests (Playwright in Chromium) — and one closing line with the totals
// across every runner: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureBrowser, machineBrowserSetup } from "./ensure-browser";
import { playwrightCounts, vitestCounts, type Counts } from "./test-report";

// `prepare` runs before the stage's command; false fails the stage without running it.
type Stage = {
  name: string;
  command: string[];
  report?: string;
  count?: (report: unknown) => Counts;
  prepare?: () => boolean;
};
const stages: Stage[] = [
  { name: "typecheck", command: ["npm", "run", "typecheck"] },
  { name: "lint", command: ["npm", "run", "lint"] },
  {
    name: "unit + integration",
    command: [
      "npx",
      "vitest",
      "run",
      "--coverage",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/vitest.json",
    ],
    report: "test-results/vitest.json",
    count: vitestCounts,
  },
  {
    name: "end-to-end",
    command: ["npx", "playwright", "test"],
    report: "test-results/e2e.json",
    count: playwrightCounts,
    prepare: prepareBrowser,
  },
];

// Obtains a Chromium when none is installed (scripts/ensure-browser.ts) and says which one runs.
function prepareBrowser(): boolean {
  const browser = ensureBrowser(machineBrowserSetup);
  if (!browser.ok) {
    console.log(browser.message);
    return false;
  }
  console.log(`Browser: ${browser.origin} (${browser.path})`);
  return true;
}

const only = process.argv.slice(2);
mkdirSync("test-results", { recursive: true });
const totals: Counts = { passed: 0, failed: 0, failures: [] };
const failedStages: string[] = [];

for (const stage of stages.filter((s) => only.length === 0 || only.includes(s.name.split(" ")[0]!))) {
  console.log(`\n=== ${stage.name} ===`);
  if (stage.report) rmSync(stage.report, { force: true });
  const prepared = stage.prepare?.() ?? true;
  const status = prepared ? spawnSync(stage.command[0]!, stage.command.slice(1), { stdio: "inherit" }).status : 1;
  let counts: Counts | undefined;
  if (stage.report && stage.count && existsSync(stage.report)) {
    counts = stage.count(JSON.parse(readFileSync(stage.report, "utf8")));
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.failures.push(...counts.failures);
  }
  // A failed test fails its stage even if the runner's exit status says otherwise.
  if (status !== 0 || (counts?.failed ?? 0) > 0) {
    failedStages.push(stage.name);
    // A stage that failed without failing a test (type errors, lint, a crash) still counts once.
    if (!counts?.failed) totals.failed += 1;
  }
}

console.log("");
for (const failure of totals.failures) console.log(`Failed: ${failure}`);
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(", ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStages.length > 0 ? 1 : 0);
