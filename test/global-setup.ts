import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/database/migrate";
import { createDatabase } from "./database";
import { applyDemoCompanySchema } from "@/prisma/demo-company";
import { startTestServer } from "./test-server";

// One migrated template database per run; every integration test file gets its own copy of it
// (test/integration-setup.ts), which takes milliseconds instead of a migration per file.
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createDatabase(server.serverUrl, { prefix: "portal_template" });
  await applyMigrations(template.url);
  await applyDemoCompanySchema(template.url);
  project.provide("testServerUrl", server.serverUrl);
  project.provide("templateDatabase", template.name);
  return async () => {
    await template.drop();
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}
