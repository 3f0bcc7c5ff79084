// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database).
import "dotenv/config";
import { provisionDatabase } from "@/lib/database/provision";
import { parseEnv } from "@/lib/env";
import { logger, nameLogProcess } from "@/lib/observability/logger";

nameLogProcess("migrate");

const config = parseEnv(process.env);
const database = await provisionDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  port: config.EMBEDDED_POSTGRES_PORT,
  log: (line) => logger().info(line),
});
logger().info("The database is up to date.");
await database.stop();
