import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside React's server bundle; tests call those modules directly.
  "server-only": path.join(root, "test/server-only-stub.ts"),
  // What Next.js does for server code (the `react-server` condition, next-intl's plugin in
  // next.config.ts): next-intl's server functions and our request configuration behind them.
  // Without these, getTranslations() & co. are next-intl's stand-ins that throw.
  "next-intl/server": path.join(root, "node_modules/next-intl/dist/esm/production/server.react-server.js"),
  "next-intl/config": path.join(root, "lib/i18n/request.ts"),
};
// Loaded through Vite rather than Node, so that the aliases above and Next's extensionless
// `next/server` and `next/headers` (no exports map in `next`) resolve inside them.
const server = { deps: { inline: ["next-auth", "next-intl"] } };

export default defineConfig({
  resolve: { alias },
  test: {
    // `npm test` measures coverage (V8) and prints it; the run fails when lib/ drops below 90 % of
    // lines (93.3 % on 2026-11-23, once server actions, the API wrapper and Auth.js ran in tests
    // through test/next-request.ts). Raise the floor as tests arrive; never lower it.
    // `npx vitest run --coverage` shows it.
    coverage: {
      provider: "v8",
      include: ["lib/**/*.{ts,tsx}"],
      exclude: [
        "lib/generated/**",
        "**/*.test.{ts,tsx}",
        "**/*.d.ts",
        "lib/export/testing/**",
        "lib/jobs/test-fixtures/**",
      ],
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
          server,
          setupFiles: ["test/next-runtime.ts"],
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
          server,
          sequence: { groupOrder: 1 },
          include: ["{lib,inngest,app,prisma,scripts,test}/**/*.int.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/next-runtime.ts", "test/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: more workers only queue on the database.
          maxWorkers: 2,
        },
      },
    ],
  },
});
