// The app under test: a production build against a fresh database of its own (on the server at
// TEST_DATABASE_URL, or an embedded one), seeded with the demo data, in demo mode so sign-in
// links land in the outbox the tests read.
import { spawn, type StdioOptions } from "node:child_process";
import { mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createPrismaClient } from "@/lib/db";
import { applyMigrations } from "@/lib/database/migrate";
import { seedDemoCompany } from "@/prisma/demo-company";
import { seedPortalAccounts } from "@/prisma/seed-portal";
import { createDatabase } from "@/test/database";
import { startOutsideServiceFakes } from "@/test/fakes/outside-services";
import { startTestServer } from "@/test/test-server";
import { E2E_METRICS_TOKEN, SIGN_IN_EMAILS_PER_ADDRESS } from "./limits";
import { withPeerAddress } from "@/scripts/peer-address-option";
import { databaseUrlFile } from "./database-url";
import { appEnv, exited, runNext } from "./next-app";

const port = process.env.E2E_PORT ?? "3100";
const log = (line: string) => console.log(`[e2e-server] ${line}`);

const server = await startTestServer();
const database = await createDatabase(server.serverUrl, { prefix: "portal_e2e" });
await applyMigrations(database.url);
await seedDemoCompany(database.url, { activityRows: 0 });
const client = createPrismaClient(database.url);
await seedPortalAccounts(client);
await client.$disconnect();
log(`database ${database.name} ready`);
// Specs that change the demo company's data directly (to make a source fail) read where it is.
mkdirSync("test-results", { recursive: true });
writeFileSync(databaseUrlFile(port), database.url);
// Stripe, Intercom and the analytics API, as local fakes seeded for the demo customers.
const outside = await startOutsideServiceFakes();

const env = {
  ...appEnv(port, database.url),
  DEMO_MODE: "true",
  // Every test browser signs in from 127.0.0.1; the per-address limit is what the tests exercise.
  SIGN_IN_EMAILS_PER_IP_PER_HOUR: "10000",
  SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: String(SIGN_IN_EMAILS_PER_ADDRESS),
  // The journeys rely on the policy that approves an exact email match (no reviewer console yet).
  IDENTITY_AUTO_APPROVE: "true",
  // Not the default 7, so the pages show that the download period follows the configuration.
  ARCHIVE_RETENTION_DAYS: "5",
  METRICS_TOKEN: E2E_METRICS_TOKEN,
  ...outside.env,
};

const run = (args: string[], stdio?: StdioOptions) => runNext(args, withPeerAddress(env), stdio);

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = run(["build"]);
  const code = await new Promise<number | null>((resolve) => build.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (${code})`);
}
// The app's and the worker's logs go to a file: the journeys that make a source fail on purpose
// would fill the report with the warnings they expect.
const appLog = "test-results/e2e-app.log";
const logFile = openSync(appLog, "w");
const toLog: StdioOptions = ["ignore", logFile, logFile];
log(`app and worker logs: ${appLog}`);
const app = run(["start", "--port", port], toLog);
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: toLog, env });

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const child of [app, worker]) child.kill("SIGTERM");
  await Promise.all([app, worker].map(exited));
  await outside.close();
  await database.drop().catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
// A process that ends on its own ends the run; its last log lines say why.
const ended = (name: string) => () => {
  if (!stopping) log(`${name} exited; the end of ${appLog}:\n${readFileSync(appLog, "utf8").slice(-4000)}`);
  void shutdown();
};
app.once("exit", ended("the app"));
worker.once("exit", ended("the worker"));
