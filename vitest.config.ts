import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside React's server bundle; tests call those modules directly.
  "server-only": path.join(root, "test/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // `npm test` measures coverage (V8) and prints it; lib/, the portal's logic, is held at 90 %
    // of its lines. Run `npx vitest run --coverage` to see it for yourself.
    coverage: {
      provider: "v8",
      include: ["lib/**/*.{ts,tsx}"],
      exclude: ["lib/generated/**", "**/*.test.{ts,tsx}", "**/*.d.ts", "lib/export/testing/**", "lib/jobs/test-fixtures/**"],
      reporter: ["text-summary", ["text", { skipFull: true }], ["json-summary", { file: "coverage-summary.json" }]],
      reportsDirectory: "test-results/coverage",
      thresholds: { lines: 90 },
      // Printed even when a test fails, so a red run still says how much it covered.
      reportOnFailure: true,
    },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["{lib,inngest,app,components,prisma,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["{lib,inngest,app,prisma,scripts,test}/**/*.int.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: more workers only queue on the database.
          maxWorkers: 2,
        },
      },
    ],
  },
});
