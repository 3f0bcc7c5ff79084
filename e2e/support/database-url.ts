import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the e2e server leaves its database's URL, one file per port so parallel runs do not mix. */
export const databaseUrlFile = (port: string) => path.join("test-results", `e2e-${port}.database-url`);

/** The e2e app's own database (the demo company's tables live in it too). */
export const e2eDatabaseUrl = () => readFileSync(databaseUrlFile(process.env.E2E_PORT ?? "3100"), "utf8").trim();
