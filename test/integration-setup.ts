import { afterAll, inject } from "vitest";
import { reloadEnv } from "@/lib/env";
import { closeSourceDatabase } from "@/lib/sources/source-database";
import { createDatabase } from "./database";

// Each integration test file runs against its own fresh, migrated database.
const database = await createDatabase(inject("testServerUrl"), {
  prefix: "portal_test",
  template: inject("templateDatabase"),
});
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
// The portal's lines (a step finished, the retries and failures the fault tests provoke on purpose)
// would bury the test report; a test that reads the log captures it at the level it needs
// (test/log-capture.ts). LOG_LEVEL=warn npm test shows them.
process.env.LOG_LEVEL ??= "silent";
// lib/db reads DATABASE_URL through lib/env: drop anything read before this file chose the database.
reloadEnv();

afterAll(async () => {
  const { portalDb } = globalThis as { portalDb?: { $disconnect(): Promise<void> } };
  await portalDb?.$disconnect();
  await closeSourceDatabase();
  await database.drop();
});
