import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The Next.js processes the end-to-end tests run: the main app (server.ts) and any spec that
// needs a portal of its own (a database it may take away), from the same production build.

/** A portal on `port` with its own database, secret and files, and no outside service configured. */
export function appEnv(port: string | number, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    PORTAL_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Warnings and errors only: the app's info lines (every step of every journey) drown the report.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    RESEND_API_KEY: "",
    BLOB_READ_WRITE_TOKEN: "",
    INNGEST_EVENT_KEY: "",
    INNGEST_BASE_URL: "",
    INNGEST_DEV: "",
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "portal-e2e-")),
  };
}

/** `next <args>` (build, start) in this checkout. */
export function runNext(args: string[], env: NodeJS.ProcessEnv, stdio: StdioOptions = "inherit"): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", ...args], { stdio, env });
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode === null && child.signalCode === null ? child.once("exit", () => resolve()) : resolve(),
  );
}
