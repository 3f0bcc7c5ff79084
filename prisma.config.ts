import "dotenv/config";
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// It reads process.env itself rather than through lib/env, on purpose: the Prisma CLI loads it on
// its own (`prisma generate`, `validate`), outside the app and before any of it. Going through
// lib/env would make `prisma generate` fail whenever an unrelated setting is invalid (parseEnv
// throws on the whole configuration), and this file must set PRISMA_SCHEMA_ENGINE_BINARY, a
// variable only the CLI reads, before the CLI looks for its engine.

// The CLI refuses to start without a schema engine binary, and it cannot be downloaded here.
// `generate`, `validate` and `format` never call it, so a stub is enough for them.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("prisma/schema-engine-stub.sh");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
