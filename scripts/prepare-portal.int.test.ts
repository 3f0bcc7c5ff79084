import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createDatabase, type TestDatabase } from "@/test/database";
import { withClient } from "@/lib/database/availability";
import { preparePortal } from "./prepare-portal";

// What `npm start` and `npm run dev` put into an empty database before Next.js starts.

let database: TestDatabase;
const saved = { ...process.env };
const log = () => undefined;

beforeEach(async () => {
  database = await createDatabase(inject("testServerUrl"), { prefix: "portal_prepare" });
  for (const key of ["SOURCE_DATABASE_URL", "DEMO_MODE", "RESEND_API_KEY", "ADMIN_EMAILS", "NODE_ENV"])
    delete process.env[key];
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AUTH_SECRET: "prepare-portal-test-secret-0123456789abcdef",
  });
});
afterEach(async () => {
  process.env = { ...saved };
  await database.drop();
});

const inDatabase = async () => {
  const client = createPrismaClient(database.url);
  try {
    const users = await client.user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    const audited = await client.auditEvent.findMany({ select: { action: true, actorEmail: true, metadata: true } });
    const demoSchema = await withClient(
      database.url,
      "test",
      async (c) => (await c.query("SELECT 1 FROM pg_namespace WHERE nspname = 'streampay'")).rowCount,
    );
    return { users, audited, demoSchema };
  } finally {
    await client.$disconnect();
  }
};

describe("preparing the portal", () => {
  it("`npm start` on an empty database creates no users, no demo company and no demo mode", async () => {
    const portal = await preparePortal({ mode: "start", log });
    expect(portal.config.demoMode).toBe(false);
    expect(portal.config.autoApproveIdentity).toBe(false);
    expect(portal.childEnv.NODE_ENV).toBe("production");
    expect(await inDatabase()).toMatchObject({ users: [], demoSchema: 0 });
  });

  it("ADMIN_EMAILS makes the first admin at start, audited, and only once", async () => {
    process.env.ADMIN_EMAILS = "DPO@Example.com, it@example.com";
    await preparePortal({ mode: "start", log });
    await preparePortal({ mode: "start", log });
    const { users, audited } = await inDatabase();
    expect(users).toEqual([
      { email: "dpo@example.com", role: "ADMIN" },
      { email: "it@example.com", role: "ADMIN" },
    ]);
    expect(audited).toEqual([
      { action: "user.created", actorEmail: "ADMIN_EMAILS", metadata: { email: "dpo@example.com", role: "ADMIN" } },
      { action: "user.created", actorEmail: "ADMIN_EMAILS", metadata: { email: "it@example.com", role: "ADMIN" } },
    ]);
  });

  it("DEMO_MODE=true on `npm start` seeds the demo company and accounts", async () => {
    process.env.DEMO_MODE = "true";
    await preparePortal({ mode: "start", log });
    const { users, demoSchema } = await inDatabase();
    expect(demoSchema).toBe(1);
    expect(users.map((u) => u.email)).toContain("admin@example.com");
  });
});
