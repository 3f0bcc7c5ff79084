import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value that is deliberately unused (a dropped key in a rest pattern).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The import direction (DESIGN.md): lib/ is the portal's core and never reaches up into the
    // pages (app/), the UI (components/) or the workflow wiring (inngest/), by alias or by a
    // relative path. Tests may: they drive the workflows end to end.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/(app|components|inngest)(/|$)",
              message: "lib/ never imports app/, components/ or inngest/: move what it needs into lib/.",
            },
            {
              regex: "^(\\.\\./)+(app|components|inngest)(/|$)",
              message: "lib/ never imports app/, components/ or inngest/: move what it needs into lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    // House style: functions under 60 lines, lines up to 120 characters, in the
    // application code. Prettier (printWidth 120) wraps code; strings, comments and JSX text it cannot wrap are
    // kept short by hand, so only URLs and regular expressions may run long. Tests and scripts are exempt.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  globalIgnores([
    ".next/**",
    ".build/**",
    ".data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
