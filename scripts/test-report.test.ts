import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightCounts, vitestCounts } from "./test-report";

// Shapes as Vitest's and Playwright's JSON reporters write them (trimmed to what is read).
const inRepo = (file: string) => path.join(process.cwd(), file);

describe("vitestCounts", () => {
  it("names each failed test, and a file that failed without one", () => {
    const counts = vitestCounts({
      numPassedTests: 2,
      numFailedTests: 1,
      testResults: [
        {
          name: inRepo("test/bad-input.int.test.ts"),
          status: "failed",
          assertionResults: [
            { status: "passed", fullName: "bad input a search" },
            { status: "failed", fullName: "bad input a new privacy request" },
          ],
        },
        { name: inRepo("lib/a.test.ts"), status: "passed", assertionResults: [{ status: "passed", fullName: "a" }] },
        {
          name: inRepo("lib/b.int.test.ts"),
          status: "failed",
          message: "Hook timed out in 120000ms.\nIf this is a long-running hook…",
          assertionResults: [],
        },
      ],
    });
    expect(counts).toEqual({
      passed: 2,
      failed: 1,
      failures: [
        "test/bad-input.int.test.ts › bad input a new privacy request",
        "lib/b.int.test.ts › Hook timed out in 120000ms.",
      ],
    });
  });
});

describe("playwrightCounts", () => {
  it("counts flaky tests as passed and names the unexpected ones, in nested describes too", () => {
    const counts = playwrightCounts({
      stats: { expected: 3, unexpected: 1, flaky: 1 },
      suites: [
        {
          file: "staff-console.spec.ts",
          specs: [{ title: "approve", tests: [{ projectName: "desktop", status: "expected" }] }],
          suites: [
            {
              file: "staff-console.spec.ts",
              specs: [
                { title: "a held ticket is redacted", tests: [{ projectName: "desktop", status: "unexpected" }] },
              ],
            },
          ],
        },
        { file: "privacy-center.spec.ts", specs: [{ title: "x", tests: [{ projectName: "phone", status: "flaky" }] }] },
      ],
    });
    expect(counts).toEqual({
      passed: 4,
      failed: 1,
      failures: ["staff-console.spec.ts › [desktop] a held ticket is redacted"],
    });
  });
});
