// What `npm test` reads from each runner's JSON report: how many passed and failed, and which.
import path from "node:path";

// `failures` names each failed test ("file › title"), so the run's last lines say what to look at.
export type Counts = { passed: number; failed: number; failures: string[] };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string }[];
  }[];
};
export const vitestCounts = (r: unknown): Counts => {
  const report = r as VitestReport;
  const failures = report.testResults.flatMap((file) => {
    const where = path.relative(process.cwd(), file.name);
    const tests = file.assertionResults.filter((test) => test.status === "failed");
    // A file that failed to load or in a hook has no failed test of its own.
    if (tests.length === 0 && file.status === "failed")
      return [`${where} › ${file.message?.split("\n")[0] ?? "failed"}`];
    return tests.map((test) => `${where} › ${test.fullName}`);
  });
  return { passed: report.numPassedTests, failed: report.numFailedTests, failures };
};

type PlaywrightSuite = {
  file: string;
  specs?: { title: string; tests: { projectName: string; status: string }[] }[];
  suites?: PlaywrightSuite[];
};
const playwrightFailures = (suite: PlaywrightSuite): string[] => [
  ...(suite.specs ?? []).flatMap((spec) =>
    spec.tests.filter((t) => t.status === "unexpected").map((t) => `${suite.file} › [${t.projectName}] ${spec.title}`),
  ),
  ...(suite.suites ?? []).flatMap(playwrightFailures),
];
export const playwrightCounts = (r: unknown): Counts => {
  const report = r as { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };
  const { stats } = report;
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    failures: report.suites.flatMap(playwrightFailures),
  };
};
