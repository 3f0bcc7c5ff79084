import { captureLogs } from "@/lib/observability/logger";

// Every line the portal's logger writes while a test runs, as the text it would put on stdout.

export type CapturedLogs = {
  /** The raw lines, exactly as written. */
  raw(): string[];
  /** Each line parsed as JSON (throws on a line that is not). */
  entries(): Record<string, unknown>[];
  stop(): void;
};

/** Captures from now on, at `level` (default debug: every line the code can write) and above. */
export function startLogCapture(level = "debug"): CapturedLogs {
  let buffer = "";
  captureLogs({ write: (chunk: string) => void (buffer += chunk) }, level);
  const raw = () => buffer.split("\n").filter((line) => line.length > 0);
  return {
    raw,
    entries: () => raw().map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => captureLogs(undefined),
  };
}
