// `npm run dev` and `npm start`: one command that brings up everything the portal needs on this
// machine — the embedded PostgreSQL when DATABASE_URL is unset, migrations, the demo data on first
// run — then Next.js. Ctrl-C stops everything it started.
import "dotenv/config";
import { spawn } from "node:child_process";
import { withPeerAddress } from "./peer-address-option";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { ConfigError } from "@/lib/env";
import { logger, nameLogProcess } from "@/lib/observability/logger";
import { startOutsideServiceFakesForDemo } from "@/test/fakes/outside-services";
import { preparePortal } from "./prepare-portal";
import { supervise, type Supervisor } from "./supervise";
import { workerProcess } from "./worker-process";

const mode = process.argv[2] === "start" ? "start" : "dev";
nameLogProcess("portal");
const log = (line: string) => logger().info(line);

async function main() {
  const portal = await preparePortal({ mode, log });
  // The demo shows Stripe, Intercom and analytics too: local fakes unless real credentials are set.
  if (mode === "dev") await startOutsideServiceFakesForDemo(portal.childEnv, log);
  const port = process.env.PORT ?? "3000";
  const children: Supervisor[] = [];
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => child.stop()));
    await portal.database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  // A child that exits (a crash, the database gone for good) is started again with backoff; the
  // launcher itself only stops on Ctrl-C / SIGTERM.
  const keepRunning = (name: string, args: string[], env: NodeJS.ProcessEnv = portal.childEnv) =>
    children.push(supervise({ name, log, start: () => spawn(process.execPath, args, { stdio: "inherit", env }) }));

  // Next.js stamps each request with its TCP peer, the client IP when no proxy is trusted.
  keepRunning("Next.js", ["node_modules/next/dist/bin/next", mode, "--port", port], withPeerAddress(portal.childEnv));
  // Without Inngest, the workflows run in the embedded worker, a process of its own beside Next.
  if (portal.config.jobsMode === "embedded") {
    // Compiled first (scripts/build-worker.ts): plain node holds ~35 MB less than tsx and starts
    // faster; with a heap limit and malloc arenas that keep its memory bounded (worker-process.ts).
    const worker = await workerProcess(portal.childEnv);
    keepRunning("worker", worker.args, worker.env);
  }

  const url = `http://localhost:${port}`;
  log(`Privacy portal: ${url}`);
  if (portal.config.demoMode) {
    log(`Demo mode: demo accounts and the email outbox (sign-in links land here): ${url}/dev/outbox`);
    // For the person at the terminal, not the log: the log masks every address, these are made up.
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) logger().fatal(error.message);
  else logger().fatal({ err: error }, "the portal could not start");
  process.exit(1);
});
