import { format } from "node:util";
import { logger } from "./logger";

// Where the logs are JSON, the process's console writes through the portal's logger too: Next.js
// prints its copy of an uncaught error there (an error's message may quote an address) and
// libraries their warnings, which would otherwise be plain, unscrubbed text between the JSON lines.
// next-logger patches the console the same way, but through a pino of its own built from a
// config file, without this logger's redaction.

const LEVELS = { log: "info", info: "info", debug: "debug", warn: "warn", error: "error" } as const;
type ConsoleMethod = keyof typeof LEVELS;
// Next.js leads its lines with a glyph (⨯ error, ⚠ warning, ✓ done, ○ …): the level says it.
const GLYPH = /^\s*[⨯⚠✓○▲]\s*/u;

/** Sends console.log/info/debug/warn/error to the logger; returns what puts the console back. */
export function routeConsoleToLogger(): () => void {
  const log = logger({ module: "console" });
  const original = Object.fromEntries(Object.keys(LEVELS).map((m) => [m, console[m as ConsoleMethod]]));
  for (const [method, level] of Object.entries(LEVELS)) {
    console[method as ConsoleMethod] = (...args: unknown[]) => {
      const err = args.find((arg) => arg instanceof Error);
      const message = format(...args.filter((arg) => arg !== err)).replace(GLYPH, "");
      log[level](err ? { err } : {}, message || (err as Error | undefined)?.message || "");
    };
  }
  return () => Object.assign(console, original);
}
