// `npm run staff:add -- <email> --role admin|reviewer` (lib/staff/staff-add-command.ts).
import "dotenv/config";
import { provisionDatabase } from "@/lib/database/provision";
import { parseEnv, reloadEnv } from "@/lib/env";
import { logger, nameLogProcess } from "@/lib/observability/logger";
import { StaffRoleRefusedError } from "@/lib/staff/change-role";
import { StaffAddUsageError, staffAddCommand } from "@/lib/staff/staff-add-command";

// Its answer goes to stdout; log lines to stderr.
nameLogProcess("staff:add", 2);
const log = (line: string) => logger().info(line);
const config = parseEnv(process.env);
const database = await provisionDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  port: config.EMBEDDED_POSTGRES_PORT,
  log,
});
process.env.DATABASE_URL = database.url;
reloadEnv(); // lib/db reads DATABASE_URL through lib/env, which a module imported above may have read already
try {
  console.log(await staffAddCommand(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof StaffAddUsageError || error instanceof StaffRoleRefusedError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database.stop();
}
