import pino, { type DestinationStream, type Logger } from "pino";
import { ConfigError, env } from "@/lib/env";
import { currentLogContext } from "./log-context";
import { prettyStream } from "./pretty-log";
import { scrubText } from "./scrub";

// The one logger of the web process, the worker and the scripts: pino, one JSON object a line on
// stdout, which any log shipper reads (docs/operations.md, "Logs and traces"). Each line carries
// what lib/observability/log-context.ts knows (request id, privacy request reference, step).
// pino-pretty is used as a synchronous stream, not a pino transport: transports start a worker
// thread from a file path, which Next.js's bundling breaks (next's server-external-packages notes).

export type { Logger } from "pino";

// Personal data and secrets never reach a log line (Art. 5(1)(f) and 32 GDPR: logs are copied to
// places the portal does not control). These keys are censored wherever a caller puts them;
// free text is scrubbed of addresses and link tokens as well (scrub.ts).
const SECRET_KEYS = [
  "email",
  "to",
  "from",
  "name",
  "token",
  "downloadUrl",
  "url",
  "link",
  "password",
  "secret",
  "authorization",
  "cookie",
  "apiKey",
  "record",
  "records",
  "row",
  "rows",
  "value",
  "values",
  "data",
  "html",
  "text",
  "subject",
];
export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  "headers.authorization",
  "headers.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  // A Postgres error's detail quotes the row's values ("Key (email)=(…) already exists").
  "err.detail",
  "err.where",
  "err.parameters",
  "err.meta",
];

type Settings = { level: string; format: "json" | "pretty" };

let root: Logger | undefined;
let processName = "web";
let fd: 1 | 2 = 1;
let capture: { stream: DestinationStream; level: string } | undefined;

/** The logger, with `bindings` on every line it writes (e.g. `{ module: "outbox" }`). */
export function logger(bindings?: Record<string, unknown>): Logger {
  root ??= capture
    ? createRoot({ level: capture.level, format: "json" }, capture.stream)
    : createRoot(settings(), undefined);
  return bindings ? root.child(bindings) : root;
}

type LogMethod = (...args: unknown[]) => void;
export type LibraryLogger = Record<"debug" | "info" | "warn" | "error", LogMethod>;

/**
 * For a library that takes a pino-style logger once (the Inngest client): each call goes to the
 * logger as it is then, so nameLogProcess and captureLogs still apply.
 */
export function libraryLogger(bindings: Record<string, unknown>): LibraryLogger {
  const method =
    (level: keyof LibraryLogger): LogMethod =>
    (...args) =>
      (logger(bindings)[level] as LogMethod)(...args);
  return { debug: method("debug"), info: method("info"), warn: method("warn"), error: method("error") };
}

/**
 * Names this process on every line ("web", "worker", "migrate", …); call before the first log. A
 * command whose stdout is its answer (staff:add) logs to stderr (fd 2).
 */
export function nameLogProcess(name: string, output: 1 | 2 = 1): void {
  processName = name;
  fd = output;
  root = undefined;
}

/** Tests: every line at `level` or above goes to `stream` as JSON, whatever LOG_LEVEL and LOG_FORMAT say. */
export function captureLogs(stream: DestinationStream | undefined, level = "debug"): void {
  capture = stream && { stream, level };
  root = undefined;
}

function settings(): Settings {
  try {
    const config = env();
    return { level: config.LOG_LEVEL, format: config.logFormat };
  } catch (error) {
    // A broken configuration is itself logged (scripts/portal.ts): say it plainly, as JSON.
    if (error instanceof ConfigError) return { level: "info", format: "json" };
    throw error;
  }
}

function createRoot({ level, format }: Settings, captured: DestinationStream | undefined): Logger {
  const destination = captured ?? (format === "pretty" ? prettyStream(fd, true) : pino.destination({ fd, sync: true }));
  return pino(
    {
      level,
      base: { process: processName, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogContext(),
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: scrubbedError, error: scrubbedError },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg: unknown) => (typeof arg === "string" ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** The object fields of an error worth a log line: its cause and an AggregateError's errors. */
const NESTED_ERROR_KEYS = new Set(["cause", "aggregateErrors"]);

/**
 * pino's error serializer, with its message and stack scrubbed (an error may quote an address),
 * and only plain fields and nested errors kept: node-postgres hangs the whole pg Client (socket,
 * buffers, connection parameters) on a connection error, ~190 log lines each when a database stops.
 */
function scrubbedError(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrubText(error) : error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(serialized)
      .filter(([key, value]) => value === null || typeof value !== "object" || NESTED_ERROR_KEYS.has(key))
      .map(([key, value]) => [key, typeof value === "string" ? scrubText(value) : value]),
  );
}
