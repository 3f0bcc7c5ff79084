import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { connectClient } from "@/lib/database/availability";
import { grantAdminEmails } from "@/lib/auth/admin-emails";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { provisionDatabase, type ProvisionedDatabase } from "@/lib/database/provision";
import { ConfigError, parseEnv, type Env } from "@/lib/env";
import { seedDemoCompany } from "@/prisma/demo-company";
import { seedPortalAccounts } from "@/prisma/seed-portal";

export type PreparedPortal = { config: Env; database: ProvisionedDatabase; childEnv: NodeJS.ProcessEnv };

/** Database up and migrated, demo data present (dev and demo mode), secrets in place. */
export async function preparePortal(options: {
  mode: "dev" | "start";
  log: (line: string) => void;
}): Promise<PreparedPortal> {
  // `npm start` is production whatever the shell says (it used to inherit no NODE_ENV and so ran
  // in demo mode): the portal's choices (demo data, demo accounts, auto-approval; lib/env.ts), the
  // worker's and Next.js's all follow NODE_ENV, which the children inherit.
  Object.assign(process.env, { NODE_ENV: options.mode === "start" ? "production" : "development" });
  const config = parseEnv(process.env);
  const authSecret = config.AUTH_SECRET ?? (await devAuthSecret(options.mode, config.DATA_DIR));
  const database = await provisionDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_POSTGRES_PORT,
    log: options.log,
  });
  try {
    // Demo data and demo accounts only in demo mode (`npm run dev`, or DEMO_MODE=true): a
    // production start on an empty database creates nothing but the portal's own tables.
    if (config.demoMode && !config.SOURCE_DATABASE_URL && !(await hasDemoCompany(database.url))) {
      options.log("Seeding the demo company's data (first run)…");
      await seedDemoCompany(database.url, {
        activityRows: Number(process.env.SEED_ACTIVITY_ROWS ?? 0),
        log: options.log,
      });
    }
    if (!config.demoMode && !config.SOURCE_DATABASE_URL) {
      options.log(
        "SOURCE_DATABASE_URL is not set: the data sources read the company's tables from the portal's own database.",
      );
    }
    await withPrisma(database.url, async (client) => {
      if (config.demoMode) await seedPortalAccounts(client);
      const granted = await grantAdminEmails(client, config.ADMIN_EMAILS);
      if (granted.length > 0) options.log(`ADMIN_EMAILS: made ${granted.join(", ")} admin (audited).`);
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  const portalUrl = config.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return {
    config,
    database,
    childEnv: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: authSecret, PORTAL_URL: portalUrl },
  };
}

/** In development a secret is made once and kept under DATA_DIR, so sessions survive restarts. */
async function devAuthSecret(mode: "dev" | "start", dataDir: string): Promise<string> {
  if (mode === "start") {
    throw new ConfigError("Invalid configuration:\n  AUTH_SECRET: required for `npm start` (openssl rand -base64 32)");
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function withPrisma(url: string, work: (client: PrismaClient) => Promise<void>): Promise<void> {
  const client = createPrismaClient(url);
  await work(client).finally(() => client.$disconnect());
}

async function hasDemoCompany(databaseUrl: string): Promise<boolean> {
  const client = await connectClient(databaseUrl, "portal");
  try {
    const { rows } = await client.query<{ seeded: boolean }>(
      `SELECT to_regclass('streampay.customers') IS NOT NULL
          AND EXISTS (SELECT 1 FROM streampay.customers) AS seeded`,
    );
    return rows[0]?.seeded ?? false;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}
