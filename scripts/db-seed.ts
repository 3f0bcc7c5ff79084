// `npm run db:seed`: re-seeds the demo company deterministically and makes sure the demo accounts
// exist. SEED_ACTIVITY_ROWS=1000000 gives heavy@example.com a million activity rows.
import "dotenv/config";
import { createPrismaClient } from "@/lib/db";
import { provisionDatabase } from "@/lib/database/provision";
import { parseEnv } from "@/lib/env";
import { logger, nameLogProcess } from "@/lib/observability/logger";
import { seedDemoCompany } from "@/prisma/demo-company";
import { seedPortalAccounts } from "@/prisma/seed-portal";

nameLogProcess("seed");
const log = (line: string) => logger().info(line);
const config = parseEnv(process.env);
const database = await provisionDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  port: config.EMBEDDED_POSTGRES_PORT,
  log,
});
try {
  const summary = await seedDemoCompany(config.SOURCE_DATABASE_URL ?? database.url, {
    activityRows: Number(process.env.SEED_ACTIVITY_ROWS ?? 0),
    log,
  });
  console.table(summary);
  const client = createPrismaClient(database.url);
  await seedPortalAccounts(client).finally(() => client.$disconnect());
  log("Demo accounts ready.");
} finally {
  await database.stop();
}
